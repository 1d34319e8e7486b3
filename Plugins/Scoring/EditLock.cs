using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>
    /// Contract: models, rules, criteria and conditions are edited only while their model or criteria is Draft or
    /// Stopped. The messages say what to do: stop it first.
    /// </summary>
    public static class EditLock
    {
        public static InvalidPluginExecutionException LiveDefinition(string kind, string name) =>
            new InvalidPluginExecutionException(
                $"The {kind} '{name}' is Live, so it can't be changed or deleted. Set its Status to Stopped first, " +
                "make your changes, then set it back to Live.");

        public static InvalidPluginExecutionException LiveParent(string child, string kind, string name) =>
            new InvalidPluginExecutionException(
                $"This {child} belongs to the {kind} '{name}', which is Live. Stop the {kind} first (Status = Stopped), " +
                $"change its {child}s, then set it back to Live.");

        public static InvalidPluginExecutionException BackToDraft(string kind, string name) =>
            new InvalidPluginExecutionException(
                $"The {kind} '{name}' is Live; a Live {kind} can only be Stopped. Set its Status to Stopped instead of Draft.");
    }
}
