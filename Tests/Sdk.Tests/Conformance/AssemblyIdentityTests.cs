using System.Reflection;

namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>The SDK assemblies carry the official identities, so the deployables bind to the real ones in Dataverse.</summary>
public class AssemblyIdentityTests
{
    private const string MicrosoftPublicKeyToken = "31bf3856ad364e35";

    [Theory]
    [InlineData("Microsoft.Xrm.Sdk", "9.0.0.0")]
    [InlineData("Microsoft.Crm.Sdk.Proxy", "9.0.0.0")]
    [InlineData("Microsoft.Xrm.Sdk.Workflow", "9.0.0.0")]
    [InlineData("System.Activities", "4.0.0.0")]
    public void Sdk_assembly_has_the_official_name_version_and_public_key_token(string name, string version)
    {
        AssemblyName identity = OfflineAssemblies.ByName(name).GetName();

        Assert.Equal(name, identity.Name);
        Assert.Equal(new Version(version), identity.Version);
        Assert.Equal(MicrosoftPublicKeyToken, Convert.ToHexString(identity.GetPublicKeyToken()!).ToLowerInvariant());
    }

    [Fact]
    public void The_listing_names_the_same_identities()
    {
        foreach (ListedAssembly listed in OfficialApiListing.Load().Assemblies.Values)
        {
            AssemblyName identity = OfflineAssemblies.ByName(listed.Name).GetName();
            Assert.Equal(listed.Identity, identity.Name + ", Version=" + identity.Version + ", PublicKeyToken=" + MicrosoftPublicKeyToken);
        }
    }
}
