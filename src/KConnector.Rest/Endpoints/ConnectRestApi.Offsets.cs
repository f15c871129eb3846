using System.Text.Json;
using System.Text.Json.Nodes;
using KConnector.Hosting;
using KConnector.Rest.Model;
using Microsoft.AspNetCore.Http;

namespace KConnector.Rest.Endpoints;

// KIP-875: GET, PATCH and DELETE /connectors/{name}/offsets. Altering and resetting need the
// connector STOPPED (400 otherwise, naming the stop endpoint), as Kafka Connect 3.6+.
internal sealed partial class ConnectRestApi
{
    private const string Altered =
        "The Connect framework-managed offsets for this connector have been altered successfully. However, if this connector manages offsets externally, they will need to be manually altered in the system that the connector uses.";

    private const string Reset =
        "The Connect framework-managed offsets for this connector have been reset successfully. However, if this connector manages offsets externally, they will need to be manually reset in the system that the connector uses.";

    public async Task<IResult> GetOffsetsAsync(string name, CancellationToken cancellationToken)
    {
        var offsets = (await _worker.GetOffsetsAsync(name, cancellationToken).ConfigureAwait(false))
            .Select(o => new ConnectorOffsetEntry(
                ConnectorJson.Json(o.Partition),
                o.Offset is null ? null : ConnectorJson.Json(o.Offset)
            ))
            .ToList();
        return Results.Json(
            new ConnectorOffsets(offsets),
            KafkaConnectJsonContext.Default.ConnectorOffsets
        );
    }

    public async Task<IResult> AlterOffsetsAsync(
        string name,
        HttpRequest request,
        CancellationToken cancellationToken
    )
    {
        var body = await JsonSerializer
            .DeserializeAsync(
                request.Body,
                KafkaConnectJsonContext.Default.ConnectorOffsets,
                cancellationToken
            )
            .ConfigureAwait(false);
        if (body?.Offsets is not { Count: > 0 } entries)
        {
            return RestErrors.BadRequest("Offsets to be altered must not be null or empty");
        }
        var offsets = new List<ConnectorOffset>();
        foreach (var entry in entries)
        {
            if (entry.Partition is not { Count: > 0 } partition)
            {
                return RestErrors.BadRequest(
                    "The partition of every offset must be a non-empty object"
                );
            }
            offsets.Add(
                new ConnectorOffset(
                    ConnectorJson.Map(partition),
                    entry.Offset is JsonObject offset ? ConnectorJson.Map(offset) : null
                )
            );
        }
        await _worker.AlterOffsetsAsync(name, offsets, cancellationToken).ConfigureAwait(false);
        return Results.Json(
            new MessageResponse(Altered),
            KafkaConnectJsonContext.Default.MessageResponse
        );
    }

    public async Task<IResult> ResetOffsetsAsync(string name, CancellationToken cancellationToken)
    {
        await _worker.ResetOffsetsAsync(name, cancellationToken).ConfigureAwait(false);
        return Results.Json(
            new MessageResponse(Reset),
            KafkaConnectJsonContext.Default.MessageResponse
        );
    }
}
