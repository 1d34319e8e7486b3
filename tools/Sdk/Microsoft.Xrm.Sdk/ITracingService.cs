namespace Microsoft.Xrm.Sdk;

public interface ITracingService
{
    void Trace(string format, params object[] args);
}
