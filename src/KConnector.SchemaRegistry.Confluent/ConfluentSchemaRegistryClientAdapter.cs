using System.Net;
using ConfluentClient = Confluent.SchemaRegistry.ISchemaRegistryClient;
using ConfluentException = Confluent.SchemaRegistry.SchemaRegistryException;
using ConfluentRegistered = Confluent.SchemaRegistry.RegisteredSchema;
using ConfluentSchema = Confluent.SchemaRegistry.Schema;
using ConfluentSchemaType = Confluent.SchemaRegistry.SchemaType;

namespace KConnector.SchemaRegistry.Confluent;

/// <summary>
/// KConnector's <see cref="ISchemaRegistryClient"/> over a Confluent.SchemaRegistry client the
/// application already holds (its caches, auth and SSL settings), so that KConnector's converters
/// and Confluent's serdes share it: <c>new AvroConverter&lt;T&gt;(new
/// ConfluentSchemaRegistryClientAdapter(confluentClient), config)</c>. Failures keep KConnector's
/// contract: a <see cref="SchemaRegistryException"/> with the registry's status and
/// <c>error_code</c>, marked <see cref="SchemaRegistryException.IsUnavailable"/> when the registry
/// could not be reached, timed out or answered 408, 429 or 5xx (the worker then waits instead of
/// dead-lettering). Confluent's client does not take cancellation tokens: a cancelled call stops
/// waiting, the request itself runs to its own timeout. The adapter does not own the client.
/// </summary>
public sealed class ConfluentSchemaRegistryClientAdapter : ISchemaRegistryClient
{
    private readonly ConfluentClient _client;

    /// <summary>Wraps <paramref name="client"/>.</summary>
    public ConfluentSchemaRegistryClientAdapter(ConfluentClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
    }

    /// <inheritdoc />
    public ValueTask<int> RegisterSchemaAsync(
        string subject,
        string schema,
        CancellationToken cancellationToken
    ) => RegisterSchemaAsync(subject, new Schema(schema, SchemaType.Avro), cancellationToken);

    /// <inheritdoc />
    public ValueTask<int> RegisterSchemaAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    ) =>
        Call(
            subject,
            () => _client.RegisterSchemaAsync(subject, ToConfluent(schema)),
            cancellationToken
        );

    /// <inheritdoc />
    public async ValueTask<string> GetSchemaAsync(int id, CancellationToken cancellationToken) =>
        (await GetSchemaByIdAsync(id, cancellationToken).ConfigureAwait(false)).SchemaString;

    /// <inheritdoc />
    public async ValueTask<Schema> GetSchemaByIdAsync(
        int id,
        CancellationToken cancellationToken
    ) =>
        FromConfluent(
            await Call(null, () => _client.GetSchemaAsync(id), cancellationToken)
                .ConfigureAwait(false)
        );

    /// <inheritdoc />
    public async ValueTask<RegisteredSchema> LookupSchemaAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    ) =>
        FromConfluent(
            await Call(
                    subject,
                    () =>
                        _client.LookupSchemaAsync(
                            subject,
                            ToConfluent(schema),
                            ignoreDeletedSchemas: true
                        ),
                    cancellationToken
                )
                .ConfigureAwait(false)
        );

    /// <inheritdoc />
    public async ValueTask<RegisteredSchema> GetLatestSchemaAsync(
        string subject,
        CancellationToken cancellationToken
    ) =>
        FromConfluent(
            await Call(subject, () => _client.GetLatestSchemaAsync(subject), cancellationToken)
                .ConfigureAwait(false)
        );

    /// <inheritdoc />
    public async ValueTask<RegisteredSchema> GetSchemaBySubjectAndVersionAsync(
        string subject,
        int version,
        CancellationToken cancellationToken
    ) =>
        FromConfluent(
            await Call(
                    subject,
                    () =>
                        _client.GetRegisteredSchemaAsync(
                            subject,
                            version,
                            ignoreDeletedSchemas: true
                        ),
                    cancellationToken
                )
                .ConfigureAwait(false)
        );

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<int>> GetSubjectVersionsAsync(
        string subject,
        CancellationToken cancellationToken
    ) =>
        await Call(subject, () => _client.GetSubjectVersionsAsync(subject), cancellationToken)
            .ConfigureAwait(false);

    /// <inheritdoc />
    public ValueTask<bool> IsCompatibleAsync(
        string subject,
        Schema schema,
        CancellationToken cancellationToken
    ) =>
        Call(
            subject,
            () => _client.IsCompatibleAsync(subject, ToConfluent(schema)),
            cancellationToken
        );

    private static async ValueTask<T> Call<T>(
        string? subject,
        Func<Task<T>> call,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await call().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ConfluentException e)
        {
            var status = e.Status;
            throw new SchemaRegistryException(
                $"Schema Registry (Confluent client) answered {(int)status}, error_code {e.ErrorCode}{(subject is null ? "" : $" for subject '{subject}'")}: {e.Message}",
                status,
                e.ErrorCode,
                subject,
                e
            )
            {
                IsUnavailable =
                    (int)status >= 500
                    || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
            };
        }
        catch (Exception e)
            when (e is HttpRequestException
                || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
            )
        {
            // Confluent's client gave up on every URL: the registry, not the request, is the problem.
            throw new SchemaRegistryException(
                $"Schema Registry (Confluent client) cannot be reached: {Configuration.UrlRedaction.RedactIn(e.Message)}",
                e
            )
            {
                IsUnavailable = true,
            };
        }
    }

    private static ConfluentSchema ToConfluent(Schema schema) =>
        new(
            schema.SchemaString,
            schema.SchemaType switch
            {
                SchemaType.Protobuf => ConfluentSchemaType.Protobuf,
                SchemaType.Json => ConfluentSchemaType.Json,
                _ => ConfluentSchemaType.Avro,
            }
        );

    private static Schema FromConfluent(ConfluentSchema schema) =>
        new(
            schema.SchemaString,
            schema.SchemaType switch
            {
                ConfluentSchemaType.Protobuf => SchemaType.Protobuf,
                ConfluentSchemaType.Json => SchemaType.Json,
                _ => SchemaType.Avro,
            }
        );

    private static RegisteredSchema FromConfluent(ConfluentRegistered registered) =>
        new(
            registered.Subject,
            registered.Version,
            registered.Id,
            FromConfluent((ConfluentSchema)registered)
        );
}
