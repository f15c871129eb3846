using KConnector.Configuration;
using KConnector.Configuration.Framework;
using KConnector.Worker;

namespace KConnector.Rest.Server;

/// <summary>
/// The REST API's worker keys: <c>listeners</c> (Kafka Connect's, default
/// <c>http://127.0.0.1:8083</c>; empty serves none), <c>listeners.https.ssl.keystore.*</c>,
/// <c>rest.basic.auth.users.file</c> and <c>config.storage.file.filename</c>.
/// </summary>
internal sealed record RestServerSettings(
    IReadOnlyList<string> Listeners,
    string? KeystoreLocation,
    Password? KeystorePassword,
    string? UsersFile,
    string? ConfigFile
)
{
    /// <summary>Kafka Connect's default port, on the loopback only (the worker key's default).</summary>
    public static string DefaultListeners { get; } =
        WorkerConfigDefinition.Definition.Find(ConnectorConfig.ListenersKey)!.DefaultValue!;

    public bool Serves => Listeners.Count > 0;

    public static RestServerSettings From(IReadOnlyDictionary<string, string> worker)
    {
        var listeners = worker.TryGetValue(ConnectorConfig.ListenersKey, out var given)
            ? given
            : DefaultListeners;
        return new RestServerSettings(
            [
                .. listeners
                    .Split(
                        ',',
                        StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries
                    )
                    .Select(AllInterfaces),
            ],
            Given(worker, ConnectorConfig.ListenersKeystoreLocationKey),
            Given(worker, ConnectorConfig.ListenersKeystorePasswordKey) is { } p
                ? new Password(p)
                : null,
            Given(worker, ConnectorConfig.RestBasicAuthUsersFileKey),
            Given(worker, ConnectorConfig.ConfigStorageFileNameKey)
        );
    }

    // Kafka Connect writes http://:8083 for every interface; Kestrel wants a wildcard host.
    private static string AllInterfaces(string listener) =>
        listener.Replace("://:", "://*:", StringComparison.Ordinal);

    private static string? Given(IReadOnlyDictionary<string, string> settings, string key) =>
        settings.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : null;

    /// <summary>The basic-auth users of <see cref="UsersFile"/> (<c>user: password</c> lines), or none.</summary>
    public IReadOnlyDictionary<string, string> Users() =>
        UsersFile is null ? new Dictionary<string, string>()
        : File.Exists(UsersFile) ? PropertiesFile.Parse(File.ReadAllText(UsersFile))
        : throw new FileNotFoundException(
            $"rest.basic.auth.users.file: '{Path.GetFullPath(UsersFile)}' does not exist"
        );
}
