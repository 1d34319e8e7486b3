// Compiler support types that .NET Framework 4.6.2 lacks. Internal, so the deployable assembly still references
// nothing beyond the SDK and the framework (checked by Tests/Sdk.Tests/Deployables).
#if NETFRAMEWORK
namespace System.Runtime.CompilerServices
{
    /// <summary>Lets `init` accessors and records compile for net462.</summary>
    internal static class IsExternalInit
    {
    }
}
#endif
