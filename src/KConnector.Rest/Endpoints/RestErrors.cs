using System.Text.Json;
using KConnector.Configuration;
using KConnector.Hosting;
using KConnector.Rest.Model;
using Microsoft.AspNetCore.Http;

namespace KConnector.Rest.Endpoints;

/// <summary>
/// Kafka Connect's error answers (<c>ConnectExceptionMapper</c>): <c>{"error_code": ..., "message": ...}</c>
/// with 404 for an unknown connector or task, 409 for a name taken, 403 for
/// topic tracking turned off, 400 for a bad request or
/// config, 500 otherwise. Messages never hold a secret: configs' issues name keys, not values.
/// </summary>
internal static class RestErrors
{
    public static IResult Error(int status, string message) =>
        Results.Json(
            new ErrorMessage(status, message),
            KafkaConnectJsonContext.Default.ErrorMessage,
            statusCode: status
        );

    public static IResult NotFound(string message) => Error(StatusCodes.Status404NotFound, message);

    public static IResult BadRequest(string message) =>
        Error(StatusCodes.Status400BadRequest, message);

    /// <summary>The answer to an exception a handler let out.</summary>
    public static IResult From(Exception exception) =>
        exception switch
        {
            KeyNotFoundException e => NotFound(e.Message),
            TopicTrackingDisabledException e => Error(StatusCodes.Status403Forbidden, e.Message),
            ConnectorExistsException e => Error(StatusCodes.Status409Conflict, e.Message),
            ConnectorStateException e => BadRequest(e.Message),
            ConfigValidationException e => BadRequest(e.Message),
            Errors.ConfigException e => BadRequest(e.Message),
            JsonException e => BadRequest("Request body is not valid JSON: " + e.Message),
            BadHttpRequestException e => Error(e.StatusCode, e.Message),
            _ => Error(
                StatusCodes.Status500InternalServerError,
                UrlRedaction.RedactIn(exception.Message) ?? exception.GetType().Name
            ),
        };
}
