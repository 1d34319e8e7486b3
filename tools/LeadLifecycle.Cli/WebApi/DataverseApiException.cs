using System.Net;

namespace LeadLifecycle.Cli.WebApi;

/// <summary>The organization answered with an error; <see cref="Exception.Message"/> is the platform's own message.</summary>
public sealed class DataverseApiException(HttpStatusCode statusCode, string? errorCode, string message)
    : Exception(message)
{
    public HttpStatusCode StatusCode { get; } = statusCode;
    /// <summary>The Dataverse error code, e.g. 0x80040217 (record not found).</summary>
    public string? ErrorCode { get; } = errorCode;
    public bool IsAuthorizationFailure => StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden;
}
