using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Scoring
{
    /// <summary>The row as it will be after the operation: the pre-image overlaid with the Target's values.</summary>
    public static class ImageMerge
    {
        public static Entity After(Entity? preImage, Entity? target, string table)
        {
            var merged = new Entity(table, target?.Id ?? preImage?.Id ?? default);
            if (preImage != null) foreach (var pair in preImage.Attributes) merged[pair.Key] = pair.Value;
            if (target != null) foreach (var pair in target.Attributes) merged[pair.Key] = pair.Value;
            return merged;
        }

        public static Entity? PreImage(IPluginExecutionContext context) =>
            context.PreEntityImages.TryGetValue("PreImage", out var image) ? image : null;

        public static Entity? Target(IPluginExecutionContext context) =>
            context.InputParameters.TryGetValue("Target", out var target) ? target as Entity : null;

        public static EntityReference? TargetReference(IPluginExecutionContext context) =>
            context.InputParameters.TryGetValue("Target", out var target) ? target as EntityReference : null;
    }
}
