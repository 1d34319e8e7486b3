using System.Reflection;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>The SDK assemblies this test run is compiled against (offline by default, official with the switch).</summary>
internal static class OfflineAssemblies
{
    public static Assembly XrmSdk => typeof(Entity).Assembly;

    public static Assembly CrmSdkProxy => typeof(QualifyLeadRequest).Assembly;

    public static Assembly XrmSdkWorkflow => typeof(IWorkflowContext).Assembly;

    public static Assembly SystemActivities => typeof(System.Activities.CodeActivity).Assembly;

    public static Assembly ByName(string name) => name switch
    {
        "Microsoft.Xrm.Sdk" => XrmSdk,
        "Microsoft.Crm.Sdk.Proxy" => CrmSdkProxy,
        "Microsoft.Xrm.Sdk.Workflow" => XrmSdkWorkflow,
        "System.Activities" => SystemActivities,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Not an SDK assembly of this project."),
    };

    /// <summary>The types of an SDK assembly that code outside it can see (public, or nested public/protected).</summary>
    public static IEnumerable<Type> PublicTypes(string assemblyName) =>
        ByName(assemblyName).GetTypes().Where(type => type.IsPublic || type.IsNestedPublic || type.IsNestedFamily || type.IsNestedFamORAssem);

    /// <summary>The assemblies the listing describes, plus System.Activities only if the listing has a section for it.</summary>
    public static TheoryData<string> Listed()
    {
        var data = new TheoryData<string>();
        foreach (string name in OfficialApiListing.Load().Assemblies.Keys)
        {
            data.Add(name);
        }

        return data;
    }
}
