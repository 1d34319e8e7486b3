namespace LeadLifecycle.Sdk.Tests.Deployables;

/// <summary>
/// Dataverse loads the plug-in and workflow assemblies into its .NET Framework 4.6.2 sandbox with only the SDK and the
/// framework available, and requires them strong-name signed. These tests read the built net462 DLLs (the test
/// project builds them through ProjectReference ReferenceOutputAssembly=false) and check exactly that.
/// </summary>
public class DeployableAssemblyTests
{
    private const string MicrosoftToken = "31bf3856ad364e35";
    private const string EcmaToken = "b77a5c561934e089";
    private const string FrameworkToken = "b03f5f7f11d50a3a";

    private static readonly HashSet<string> SdkAssemblies = new(StringComparer.Ordinal)
    {
        "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow",
    };

    public static TheoryData<string, string> Deployables() => new()
    {
        { "Plugins", "LeadLifecycle.Plugins" },
        { "Workflows", "LeadLifecycle.Workflows" },
    };

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Targets_dotnet_framework_4_6_2(string project, string assemblyName)
    {
        DeployableAssembly assembly = DeployableAssembly.Open(project, assemblyName);

        Assert.Equal(assemblyName, assembly.Name);
        Assert.Equal(".NETFramework,Version=v4.6.2", assembly.TargetFramework);
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void Is_signed_with_the_project_key(string project, string assemblyName)
    {
        DeployableAssembly assembly = DeployableAssembly.Open(project, assemblyName);

        Assert.Equal(StrongNameKey.PublicKeyTokenOf(RepoPaths.ProjectKey), assembly.PublicKeyToken);
    }

    [Theory]
    [MemberData(nameof(Deployables))]
    public void References_only_the_dataverse_sdk_and_the_dotnet_framework(string project, string assemblyName)
    {
        DeployableAssembly assembly = DeployableAssembly.Open(project, assemblyName);

        Assert.Contains(assembly.References, reference => reference.Name == "Microsoft.Xrm.Sdk");
        Assert.All(assembly.References, reference => Assert.True(
            IsSdk(reference) || IsDotNetFramework(reference),
            assemblyName + " references " + reference + ", which Dataverse does not provide."));
    }

    [Fact]
    public void Workflow_assembly_binds_to_the_official_workflow_sdk_and_system_activities()
    {
        DeployableAssembly assembly = DeployableAssembly.Open("Workflows", "LeadLifecycle.Workflows");

        Assert.Contains(assembly.References, reference => reference.ToString() == "Microsoft.Xrm.Sdk.Workflow, Version=9.0.0.0, PublicKeyToken=" + MicrosoftToken);
        Assert.Contains(assembly.References, reference => reference.ToString() == "System.Activities, Version=4.0.0.0, PublicKeyToken=" + MicrosoftToken);
    }

    private static bool IsSdk(AssemblyReferenceInfo reference) =>
        SdkAssemblies.Contains(reference.Name) && reference.Version == new Version(9, 0, 0, 0) && reference.PublicKeyToken == MicrosoftToken;

    /// <summary>A .NET Framework 4.x assembly: mscorlib or System.* / Microsoft.CSharp, version 4.0.0.0, a Microsoft framework key.</summary>
    private static bool IsDotNetFramework(AssemblyReferenceInfo reference) =>
        (reference.Name == "mscorlib" || reference.Name == "System" || reference.Name.StartsWith("System.", StringComparison.Ordinal)
            || reference.Name == "Microsoft.CSharp")
        && reference.Version == new Version(4, 0, 0, 0)
        && (reference.PublicKeyToken == EcmaToken || reference.PublicKeyToken == FrameworkToken || reference.PublicKeyToken == MicrosoftToken);
}
