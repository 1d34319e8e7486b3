namespace Microsoft.Xrm.Sdk;

/// <summary>
/// The XML namespaces of the official data contracts (tools/Sdk/official-sdk-contracts.txt), written once. Internal: the
/// official assembly has no such type; Microsoft.Crm.Sdk.Proxy sees it through InternalsVisibleTo.
/// </summary>
internal static class ContractNamespaces
{
    public const string Xrm2011 = "http://schemas.microsoft.com/xrm/2011/Contracts";

    public const string Xrm2012 = "http://schemas.microsoft.com/xrm/2012/Contracts";

    public const string Xrm71 = "http://schemas.microsoft.com/xrm/7.1/Contracts";

    public const string Xrm90 = "http://schemas.microsoft.com/xrm/9.0/Contracts";

    public const string Crm2011 = "http://schemas.microsoft.com/crm/2011/Contracts";
}
