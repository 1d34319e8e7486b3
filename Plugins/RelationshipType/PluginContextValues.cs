using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.RelationshipType
{
    /// <summary>Reads the images (aliases PreImage / PostImage, as the step files register them) and input parameters.</summary>
    internal static class PluginContextValues
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
            return Parameter<Entity>(context.InputParameters, "Target");
        }

        /// <summary>The parameter's value when present and of type T, else null.</summary>
        public static T? Parameter<T>(ParameterCollection parameters, string name) where T : class
        {
            return parameters.Contains(name) ? parameters[name] as T : null;
        }
    }
}
