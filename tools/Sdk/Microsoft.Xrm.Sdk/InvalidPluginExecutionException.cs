using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>
/// The exception a plug-in throws to cancel the operation; its message reaches the user. As in the official SDK:
/// Status defaults to Failed, ErrorCode is the exception's HResult (a non-zero errorCode argument replaces it), and
/// wrapping another InvalidPluginExecutionException keeps its HttpStatus.
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

    public InvalidPluginExecutionException(string message, Exception exception) : base(message, exception)
    {
        HttpStatus = (exception as InvalidPluginExecutionException)?.HttpStatus ?? PluginHttpStatusCode.NotSet;
    }

    public InvalidPluginExecutionException(string message, Dictionary<string, string> exceptionDetails) : base(message)
    {
        ExceptionDetails = Details(exceptionDetails);
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus)
        : this(OperationStatus.Failed, 0, message, httpStatus)
    {
    }

    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus, Dictionary<string, string> exceptionDetails)
        : this(OperationStatus.Failed, 0, message, httpStatus)
    {
        ExceptionDetails = Details(exceptionDetails);
    }

    public InvalidPluginExecutionException(OperationStatus status) : this(status, string.Empty)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, string message) : this(status, 0, message)
    {
    }

    public InvalidPluginExecutionException(OperationStatus status, string message, Dictionary<string, string> exceptionDetails)
        : this(status, 0, message)
    {
        ExceptionDetails = Details(exceptionDetails);
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message) : base(message)
    {
        Status = status;
        if (errorCode != 0)
        {
            HResult = errorCode;
        }
    }

    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus)
        : this(status, errorCode, message)
    {
        HttpStatus = httpStatus;
    }

    private InvalidPluginExecutionException(SerializationInfo info, StreamingContext context)
#pragma warning disable SYSLIB0051 // legacy serialization, kept for .NET Framework parity
        : base(info, context)
#pragma warning restore SYSLIB0051
    {
        Status = (OperationStatus)info.GetValue(nameof(Status), typeof(OperationStatus));
        HttpStatus = (PluginHttpStatusCode)info.GetValue(nameof(HttpStatus), typeof(PluginHttpStatusCode));
    }

    public OperationStatus Status { get; } = OperationStatus.Failed;

    public int ErrorCode => HResult;

    public PluginHttpStatusCode HttpStatus { get; } = PluginHttpStatusCode.NotSet;

    public IReadOnlyDictionary<string, string> ExceptionDetails { get; } = NoDetails;

#pragma warning disable SYSLIB0051, CS0672 // legacy serialization, kept for .NET Framework parity
    public override void GetObjectData(SerializationInfo info, StreamingContext context)
    {
        if (info == null)
        {
            throw new ArgumentNullException(nameof(info));
        }

        info.AddValue(nameof(Status), Status, typeof(OperationStatus));
        info.AddValue(nameof(HttpStatus), HttpStatus, typeof(PluginHttpStatusCode));
        base.GetObjectData(info, context);
    }
#pragma warning restore SYSLIB0051, CS0672

    public override string ToString() => base.ToString();

    private static IReadOnlyDictionary<string, string> Details(Dictionary<string, string> details)
    {
        return details == null ? NoDetails : new ReadOnlyDictionary<string, string>(new Dictionary<string, string>(details));
    }
}
