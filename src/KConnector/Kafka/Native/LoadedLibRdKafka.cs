using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace KConnector.Kafka.Native;

/// <summary>
/// Binds this assembly's <c>librdkafka</c> imports to the very native library Confluent.Kafka
/// loaded in this process, whichever file that is.
/// </summary>
/// <remarks>
/// The real librdkafka.redist package ships several Linux builds (<c>librdkafka.so</c>, which needs
/// libsasl2.so.3, <c>centos8-librdkafka.so</c>, <c>alpine-librdkafka.so</c>); Confluent.Kafka tries
/// them in turn, and a user may point it at a file of their own through <c>Library.Load</c>. A plain
/// <c>[LibraryImport("librdkafka")]</c> would resolve on its own and could fail, or load a second
/// copy whose mock cluster the clients' copy cannot see (issue 12). So the name is resolved to the
/// module Confluent.Kafka mapped: asking for <c>Library.Version</c> makes it load, then the
/// process's module list names the file, and loading that path again returns the same handle.
/// </remarks>
internal static class LoadedLibRdKafka
{
    private const string ImportName = "librdkafka";
    private static int s_registered;

    /// <summary>Registers the resolver once for this assembly; later calls do nothing.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            NativeLibrary.SetDllImportResolver(typeof(LoadedLibRdKafka).Assembly, Resolve);
        }
    }

    /// <summary>The path of the librdkafka file mapped into this process, once Confluent.Kafka loaded it.</summary>
    public static string? LoadedPath()
    {
        _ = Library.Version;
        using var process = Process.GetCurrentProcess();
        foreach (ProcessModule module in process.Modules)
        {
            if (IsLibRdKafka(module.ModuleName))
            {
                return module.FileName;
            }
        }
        return null;
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != ImportName)
        {
            return 0;
        }
        var path = LoadedPath();
        // Zero falls back to the runtime's own probing, which reports the file it could not load.
        return path is not null && NativeLibrary.TryLoad(path, out var handle) ? handle : 0;
    }

    // librdkafka.so, librdkafka.so.1, centos8-librdkafka.so, librdkafka.dylib, librdkafka.dll;
    // not librdkafka++ (the C++ wrapper, which a user's process may also map).
    private static bool IsLibRdKafka(string? fileName) =>
        fileName is not null
        && fileName.Contains("librdkafka", StringComparison.OrdinalIgnoreCase)
        && !fileName.Contains("librdkafka++", StringComparison.OrdinalIgnoreCase);
}
