using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Security.Cryptography;

namespace LeadLifecycle.SolutionModel;

/// <summary>What Dataverse registers from a built assembly, read from its metadata (never loaded, never typed by hand).</summary>
public sealed record InspectedAssembly(string Name, string FullName, string PublicKeyToken, string Path, IReadOnlyList<InspectedType> Types);

/// <summary>A public, concrete class that implements Microsoft.Xrm.Sdk.IPlugin or derives from
/// System.Activities.CodeActivity (a custom workflow activity).</summary>
public sealed record InspectedType(string FullName, bool IsWorkflowActivity);

public static class AssemblyInspector
{
    public static InspectedAssembly Inspect(string path)
    {
        if (!File.Exists(path)) throw new SolutionFormatException($"assembly not found: {path} (build it for net462 first)");
        using var stream = File.OpenRead(path);
        return Inspect(stream, Path.GetFullPath(path));
    }

    /// <summary>Inspects assembly bytes (e.g. a dll inside a solution zip); <paramref name="path"/> names it in messages.</summary>
    public static InspectedAssembly Inspect(Stream stream, string path)
    {
        using var pe = new PEReader(stream);
        if (!IsManaged(pe)) throw new SolutionFormatException($"{path} is not a .NET assembly");
        var md = pe.GetMetadataReader();
        var definition = md.GetAssemblyDefinition();
        var name = md.GetString(definition.Name);
        var publicKey = md.GetBlobBytes(definition.PublicKey);
        if (publicKey.Length == 0) throw new SolutionFormatException($"{path}: {name} is not strong-name signed; Dataverse only registers signed assemblies");
        var token = PublicKeyToken(publicKey);
        var culture = definition.Culture.IsNil ? "neutral" : md.GetString(definition.Culture);
        var fullName = $"{name}, Version={definition.Version}, Culture={(culture.Length == 0 ? "neutral" : culture)}, PublicKeyToken={token}";

        var types = md.TypeDefinitions.Select(h => (Handle: h, Type: md.GetTypeDefinition(h)))
            .Where(t => IsPublicConcreteClass(t.Type) && t.Type.GetDeclaringType().IsNil)
            .Select(t => Classify(md, t.Handle) switch
            {
                Kind.Plugin => new InspectedType(FullName(md, t.Type), false),
                Kind.WorkflowActivity => new InspectedType(FullName(md, t.Type), true),
                _ => null,
            })
            .OfType<InspectedType>()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .ToList();
        return new InspectedAssembly(name, fullName, token, path, types);
    }

    private static bool IsManaged(PEReader pe)
    {
        try { return pe.HasMetadata; }
        catch (BadImageFormatException) { return false; }
    }

    private enum Kind { None, Plugin, WorkflowActivity }

    private static Kind Classify(MetadataReader md, TypeDefinitionHandle handle)
    {
        // Walk the base chain inside the assembly (PluginBase lives beside the plug-ins); stop at the first external base.
        for (var current = handle; !current.IsNil;)
        {
            var type = md.GetTypeDefinition(current);
            foreach (var i in type.GetInterfaceImplementations())
                if (NameOf(md, md.GetInterfaceImplementation(i).Interface) == "Microsoft.Xrm.Sdk.IPlugin") return Kind.Plugin;
            var baseType = type.BaseType;
            if (baseType.IsNil) return Kind.None;
            if (baseType.Kind == HandleKind.TypeDefinition) { current = (TypeDefinitionHandle)baseType; continue; }
            return NameOf(md, baseType) is "System.Activities.CodeActivity" or "System.Activities.NativeActivity" or "System.Activities.AsyncCodeActivity"
                ? Kind.WorkflowActivity : Kind.None;
        }
        return Kind.None;
    }

    private static string? NameOf(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeReference => md.GetTypeReference((TypeReferenceHandle)handle) is var r ? $"{md.GetString(r.Namespace)}.{md.GetString(r.Name)}" : null,
        HandleKind.TypeDefinition => FullName(md, md.GetTypeDefinition((TypeDefinitionHandle)handle)),
        _ => null,
    };

    private static string FullName(MetadataReader md, TypeDefinition type) =>
        type.Namespace.IsNil ? md.GetString(type.Name) : $"{md.GetString(type.Namespace)}.{md.GetString(type.Name)}";

    private static bool IsPublicConcreteClass(TypeDefinition type) =>
        (type.Attributes & TypeAttributes.VisibilityMask) == TypeAttributes.Public
        && (type.Attributes & (TypeAttributes.Abstract | TypeAttributes.Interface)) == 0;

    /// <summary>The public key token: the last 8 bytes of the SHA-1 of the public key, reversed.</summary>
    private static string PublicKeyToken(byte[] publicKey)
    {
        var hash = SHA1.HashData(publicKey);
        return Convert.ToHexStringLower(hash[^8..].Reverse().ToArray());
    }
}
