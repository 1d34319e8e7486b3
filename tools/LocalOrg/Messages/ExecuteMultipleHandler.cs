using LeadLifecycle.LocalOrg.Pipeline;
using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.LocalOrg.Messages;

/// <summary>ExecuteMultiple: each request runs as its own operation and transaction, in order; Settings decide whether to
/// go on after a fault and whether responses are returned (learn.microsoft.com ExecuteMultipleRequest).</summary>
internal static class ExecuteMultipleHandler
{
    public static OrganizationResponse Execute(MessagePipeline pipeline, OrganizationRequest request, ExecutionFrame frame)
    {
        var requests = request.Parameters.TryGetValue("Requests", out var r) && r is OrganizationRequestCollection c ? c : throw Faults.Missing("Requests");
        var settings = request.Parameters.TryGetValue("Settings", out var s) && s is ExecuteMultipleSettings es ? es : throw Faults.Missing("Settings");
        var items = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var response = pipeline.Execute(requests[i], frame with { Transaction = null });
                if (settings.ReturnResponses) items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
            }
            catch (Exception ex) when (ex is DataverseFault or InvalidPluginExecutionException)
            {
                faulted = true;
                var fault = new OrganizationServiceFault { Message = ex.Message, ErrorCode = ex is DataverseFault f ? f.ErrorCode : unchecked((int)0x80040265) };
                items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = fault });
                if (!settings.ContinueOnError) break;
            }
        }
        var result = Responses.Build(request, new ParameterCollection { ["Responses"] = items, ["IsFaulted"] = faulted });
        return result;
    }
}
