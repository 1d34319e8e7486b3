using System.Security.Cryptography;
using System.Text;

namespace LeadLifecycle.SolutionModel;

/// <summary>Name-based GUIDs (RFC 4122 version 5): the same name always gives the same id, so a plug-in type keeps
/// its id from one build and one version to the next (an upgrade then updates it instead of replacing it).</summary>
public static class DeterministicGuid
{
    public static Guid Create(Guid namespaceId, string name)
    {
        var ns = namespaceId.ToByteArray(bigEndian: true);
        var hash = SHA1.HashData([.. ns, .. Encoding.UTF8.GetBytes(name)]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>The id of a plug-in type: derived from its assembly's id and its full type name.</summary>
    public static Guid PluginTypeId(Guid assemblyId, string typeName) => Create(assemblyId, typeName);
}
