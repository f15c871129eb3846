using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace KConnector.Rest;

/// <summary>
/// Log levels set at run time through <c>PUT /admin/loggers/{name}</c> (KIP-495), in log4j's names:
/// a level set for a logger holds for every logger (category) under it, as a log4j logger's level
/// holds for its children; <c>root</c> holds for all. A logger provider asks <see cref="IsEnabled"/>.
/// </summary>
public sealed class LoggerLevels
{
    /// <summary>The root logger's name.</summary>
    public const string Root = "root";

    private readonly ConcurrentDictionary<string, (LogLevel Level, long Modified)> _levels = new(
        StringComparer.Ordinal
    );

    /// <summary>Creates the levels with the root's starting level.</summary>
    public LoggerLevels(LogLevel root = LogLevel.Information) => _levels[Root] = (root, 0);

    /// <summary>The levels set, by logger name, with when they were set (ms since the epoch; 0 for the start).</summary>
    public IReadOnlyDictionary<string, (LogLevel Level, long Modified)> Levels => _levels;

    /// <summary>The level that holds for <paramref name="category"/>: its own, its nearest parent's, or the root's.</summary>
    public LogLevel LevelOf(string category)
    {
        for (var name = category; name.Length > 0; name = Parent(name))
        {
            if (_levels.TryGetValue(name, out var set))
            {
                return set.Level;
            }
        }
        return _levels[Root].Level;
    }

    /// <summary>Whether <paramref name="level"/> is logged for <paramref name="category"/>.</summary>
    public bool IsEnabled(string category, LogLevel level) =>
        level != LogLevel.None && level >= LevelOf(category);

    /// <summary>Sets <paramref name="logger"/>'s level; answers the loggers it changed (it and those under it).</summary>
    public IReadOnlyList<string> Set(string logger, LogLevel level)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var changed = _levels
            .Keys.Where(k => logger == Root || k.StartsWith(logger + ".", StringComparison.Ordinal))
            .Where(k => k != logger)
            .ToList();
        foreach (var child in changed)
        {
            _levels[child] = (level, now);
        }
        _levels[logger] = (level, now);
        return [logger, .. changed.Order(StringComparer.Ordinal)];
    }

    /// <summary>log4j's level name of <paramref name="level"/>.</summary>
    public static string Name(LogLevel level) =>
        level switch
        {
            LogLevel.Trace => "TRACE",
            LogLevel.Debug => "DEBUG",
            LogLevel.Information => "INFO",
            LogLevel.Warning => "WARN",
            LogLevel.Error => "ERROR",
            LogLevel.Critical => "FATAL",
            _ => "OFF",
        };

    /// <summary>The level of a log4j level name (case-insensitive); null for an unknown name.</summary>
    public static LogLevel? Parse(string? name) =>
        name?.ToUpperInvariant() switch
        {
            "TRACE" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "INFO" => LogLevel.Information,
            "WARN" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "FATAL" => LogLevel.Critical,
            "OFF" => LogLevel.None,
            _ => null,
        };

    private static string Parent(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot < 0 ? string.Empty : name[..dot];
    }
}
