using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>The image aliases and input parameters the relationship-type steps register and read.</summary>
    internal static class PipelineImages
    {
        public const string PreImage = "PreImage";
        public const string PostImage = "PostImage";

        public static Entity? Pre(IPluginExecutionContext context)
        {
            return context.PreEntityImages.TryGetValue(PreImage, out Entity image) ? image : null;
        }

        public static Entity? Post(IPluginExecutionContext context)
        {
            return context.PostEntityImages.TryGetValue(PostImage, out Entity image) ? image : null;
        }

        public static Entity? TargetEntity(IPluginExecutionContext context)
        {
            return context.InputParameters.TryGetValue("Target", out object target) ? target as Entity : null;
        }
    }
}
