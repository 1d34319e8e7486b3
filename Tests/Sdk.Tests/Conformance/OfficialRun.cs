namespace LeadLifecycle.Sdk.Tests.Conformance;

/// <summary>
/// The skip reason of the tests that compare the offline SDK with the official listings: with -p:DataverseSdk=Official
/// (OFFICIAL_SDK) the run uses the official assemblies, so there is nothing offline to compare.
/// </summary>
internal static class OfficialRun
{
#if OFFICIAL_SDK
    public const string? SkipReason = "Compares the offline SDK with the listing; this run uses the official assemblies.";
#else
    public const string? SkipReason = null;
#endif
}
