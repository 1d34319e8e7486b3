using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// The exception a plug-in throws to cancel the operation; its message reaches the user. Status defaults to Failed.
/// </summary>
[Serializable]
public sealed class InvalidPluginExecutionException : Exception
{
    private static readonly IReadOnlyDictionary<string, string> NoDetails =
        new ReadOnlyDictionary<string, string>(new Dictionary<string, string>());

    public InvalidPluginExecutionException()
    {
    }

    public InvalidPluginExecutionException(string message) : base(message)
    {
    }

    public InvalidPluginExecutionException(string message, Exception inner) : base(message, inner)
    {
    }

    public InvalidPluginExecutionException(string message, Dictionary<string, string> exceptionDetails) : base(message)
    {
        ExceptionDetails = Details(exceptionDetails);
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus) : base(message)
    {
        HttpStatus = httpStatus;
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus, Dictionary<string, string> exceptionDetails) : base(message)
    {
        HttpStatus = httpStatus;
        ExceptionDetails = Details(exceptionDetails);
    }

    public InvalidPluginExecutionException(OperationStatus status)
    {
        Status = status;
    }

    public InvalidPluginExecutionException(OperationStatus status, string message) : base(message)
    {
        Status = status;
    }

    public InvalidPluginExecutionException(OperationStatus status, string message, Dictionary<string, string> exceptionDetails) : base(message)
    {
        Status = status;
        ExceptionDetails = Details(exceptionDetails);
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message) : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus) : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
        HttpStatus = httpStatus;
    }

    private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context)
#pragma warning disable SYSLIB0051 // legacy serialization, kept for .NET Framework parity
        : base(info, context)
#pragma warning restore SYSLIB0051
    {
        Status = (OperationStatus)info.GetInt32(nameof(Status));
        ErrorCode = info.GetInt32(nameof(ErrorCode));
        HttpStatus = (PluginHttpStatusCode)info.GetInt32(nameof(HttpStatus));
    }

    public OperationStatus Status { get; } = OperationStatus.Failed;

    public int ErrorCode { get; }

    public PluginHttpStatusCode HttpStatus { get; }

    public IReadOnlyDictionary<string, string> ExceptionDetails { get; } = NoDetails;

#pragma warning disable SYSLIB0051, CS0672 // legacy serialization, kept for .NET Framework parity
    public override void GetObjectData(SerializationInfo info, StreamingContext context)
    {
        base.GetObjectData(info, context);
        info.AddValue(nameof(Status), (int)Status);
        info.AddValue(nameof(ErrorCode), ErrorCode);
        info.AddValue(nameof(HttpStatus), (int)HttpStatus);
    }
#pragma warning restore SYSLIB0051, CS0672

    public override string ToString() => base.ToString();

    private static IReadOnlyDictionary<string, string> Details(Dictionary<string, string> details)
    {
        return details == null ? NoDetails : new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(details));
    }
}
