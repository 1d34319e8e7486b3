using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>What a model needs before it can go Live.</summary>
    public static class ScoringModelCheck
    {
        public static void EnsurePublishable(ScoringModel model)
        {
            if (model.Rules.Count == 0)
                throw new InvalidPluginExecutionException($"The scoring model '{model.Name}' has no rules: add at least one rule before setting it Live.");
            if (model.HotThreshold.HasValue && model.WarmThreshold.HasValue && model.HotThreshold < model.WarmThreshold)
                throw new InvalidPluginExecutionException(
                    $"The scoring model '{model.Name}' has a Hot threshold ({model.HotThreshold}) below its Warm threshold ({model.WarmThreshold}): " +
                    "Hot must be at least Warm.");
            foreach (var rule in model.Rules) ScoringRuleCheck.EnsureValid(rule);
        }
    }
}
