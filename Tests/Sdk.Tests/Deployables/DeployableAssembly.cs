using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LeadLifecycle.Sdk.Tests.Deployables;

/// <summary>What Dataverse sees of a deployable .NET Framework assembly, read with System.Reflection.Metadata (not loaded).</summary>
internal sealed class DeployableAssembly
{
    private DeployableAssembly(string name, string publicKeyToken, string? targetFramework, IReadOnlyList<AssemblyReferenceInfo> references)
    {
        Name = name;
        PublicKeyToken = publicKeyToken;
        TargetFramework = targetFramework;
        References = references;
    }

    public string Name { get; }

    public string PublicKeyToken { get; }

    public string? TargetFramework { get; }

    public IReadOnlyList<AssemblyReferenceInfo> References { get; }

    /// <summary>Opens &lt;project&gt;/bin/&lt;Configuration&gt;/net462/&lt;assembly&gt;.dll.</summary>
    public static DeployableAssembly Open(string projectDirectory, string assemblyName)
    {
        string path = Path.Combine(RepoPaths.Root, projectDirectory, "bin", RepoPaths.Configuration, "net462", assemblyName + ".dll");
        Assert.True(File.Exists(path), "Build the net462 deployable first: " + path);

        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        AssemblyDefinition definition = reader.GetAssemblyDefinition();
        byte[] publicKey = reader.GetBlobBytes(definition.PublicKey);

        var references = reader.AssemblyReferences
            .Select(handle => reader.GetAssemblyReference(handle))
            .Select(reference => new AssemblyReferenceInfo(
                reader.GetString(reference.Name),
                reference.Version,
                TokenOfReference(reader.GetBlobBytes(reference.PublicKeyOrToken), (reference.Flags & System.Reflection.AssemblyFlags.PublicKey) != 0)))
            .ToArray();

        return new DeployableAssembly(
            reader.GetString(definition.Name),
            publicKey.Length == 0 ? string.Empty : StrongNameKey.TokenOf(publicKey),
            TargetFrameworkOf(reader, definition),
            references);
    }

    private static string TokenOfReference(byte[] publicKeyOrToken, bool isFullKey) =>
        isFullKey ? StrongNameKey.TokenOf(publicKeyOrToken) : Convert.ToHexString(publicKeyOrToken).ToLowerInvariant();

    /// <summary>The FrameworkName of [assembly: TargetFramework(...)], decoded from the attribute blob.</summary>
    private static string? TargetFrameworkOf(MetadataReader reader, AssemblyDefinition definition)
    {
        foreach (CustomAttributeHandle handle in definition.GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (attribute.Constructor.Kind != HandleKind.MemberReference)
            {
                continue;
            }

            MemberReference constructor = reader.GetMemberReference((MemberReferenceHandle)attribute.Constructor);
            if (constructor.Parent.Kind != HandleKind.TypeReference)
            {
                continue;
            }

            TypeReference type = reader.GetTypeReference((TypeReferenceHandle)constructor.Parent);
            if (reader.GetString(type.Namespace) == "System.Runtime.Versioning" && reader.GetString(type.Name) == "TargetFrameworkAttribute")
            {
                BlobReader blob = reader.GetBlobReader(attribute.Value);
                blob.ReadUInt16(); // prolog 0x0001
                return blob.ReadSerializedString();
            }
        }

        return null;
    }
}

internal sealed record AssemblyReferenceInfo(string Name, Version Version, string PublicKeyToken)
{
    public override string ToString() => Name + ", Version=" + Version + ", PublicKeyToken=" + PublicKeyToken;
}
