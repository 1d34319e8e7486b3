namespace Microsoft.Xrm.Sdk;

/// <summary>The fault the organization service returns (inside a FaultException on the wire).</summary>
public class OrganizationServiceFault : BaseServiceFault
{
    public OrganizationServiceFault()
    {
    }

    public OrganizationServiceFault InnerFault { get; set; }

    public string TraceText { get; set; }

    public override string ToString() => Message ?? base.ToString();
}
