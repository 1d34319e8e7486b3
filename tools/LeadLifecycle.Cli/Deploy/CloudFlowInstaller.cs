using System.Text.Json.Nodes;
using LeadLifecycle.Cli.WebApi;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Cli.Deploy;

/// <summary>
/// Installs the cloud flows shipped beside the solution (Solution/flows, <see cref="CloudFlowFiles"/>) after the import:
/// they cannot travel in customizations.xml under the 9.0 CustomizationsSolution.xsd the CI validates against. Through the
/// Web API as "Work with cloud flows using code" shows (learn.microsoft.com/power-automate/manage-flows-with-code): the
/// connection reference (connectionreferences: logical name, display name, connectorid) is created when missing, then the
/// flow is a workflows row of category 5 (Modern Flow), type 1 (definition), primaryentity "none", with its clientdata —
/// created with its fixed id, or its clientdata updated. It is then turned on (statecode 1, statuscode 2); that fails while
/// the connection reference is not bound to a connection, which an admin does once per environment (Power Apps → Solutions
/// → Connection References), so the installer reports it and says what to do instead of failing the deployment.
/// </summary>
public sealed class CloudFlowInstaller(DataverseWebApi api)
{
    public sealed record Installed(string Name, Guid Id, bool Created, bool TurnedOn, string? Note);

    public async Task<IReadOnlyList<Installed>> InstallAsync(string flowsFolder, CancellationToken cancellationToken)
    {
        var (flows, references) = CloudFlowFiles.Read(flowsFolder);
        foreach (var reference in references) await EnsureConnectionReferenceAsync(reference, cancellationToken);
        var installed = new List<Installed>();
        foreach (var flow in flows) installed.Add(await InstallFlowAsync(flow, cancellationToken));
        return installed;
    }

    private async Task EnsureConnectionReferenceAsync(ConnectionReferenceDefinition reference, CancellationToken cancellationToken)
    {
        var found = await api.GetAsync($"connectionreferences?$select=connectionreferenceid&$filter=connectionreferencelogicalname eq '{reference.LogicalName}'", cancellationToken);
        if (found["value"] is JsonArray { Count: > 0 }) return;
        await api.PostAsync("connectionreferences", new JsonObject
        {
            ["connectionreferencelogicalname"] = reference.LogicalName,
            ["connectionreferencedisplayname"] = reference.DisplayName,
            ["connectorid"] = reference.ConnectorId,
        }, cancellationToken);
    }

    private async Task<Installed> InstallFlowAsync(CloudFlowDefinition flow, CancellationToken cancellationToken)
    {
        var existing = await api.GetAsync($"workflows?$select=workflowid,statecode&$filter=workflowid eq {flow.Id}", cancellationToken);
        var created = existing["value"] is not JsonArray { Count: > 0 };
        if (created)
        {
            await api.PostAsync("workflows", new JsonObject
            {
                ["workflowid"] = flow.Id.ToString(),
                ["name"] = flow.Name,
                ["category"] = CloudFlowParser.ModernFlowCategory,
                ["type"] = 1,
                ["primaryentity"] = "none",
                ["description"] = "Lead Lifecycle: runs llc_RunScheduledWork on a schedule (time-driven work, resuming background jobs).",
                ["clientdata"] = flow.ClientData,
            }, cancellationToken);
        }
        else
        {
            await api.PatchAsync($"workflows({flow.Id})", new JsonObject { ["clientdata"] = flow.ClientData }, cancellationToken);
        }
        try
        {
            await api.PatchAsync($"workflows({flow.Id})", new JsonObject { ["statecode"] = 1, ["statuscode"] = 2 }, cancellationToken);
            return new Installed(flow.Name, flow.Id, created, true, null);
        }
        catch (DataverseApiException ex)
        {
            return new Installed(flow.Name, flow.Id, created, false,
                $"not turned on ({ex.Message}): bind the connection reference to a Dataverse connection (Power Apps → Solutions → " +
                "Connection References), then turn the flow on.");
        }
    }
}
