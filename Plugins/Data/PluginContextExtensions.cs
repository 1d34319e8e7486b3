using Microsoft.Xrm.Sdk;

namespace LeadLifecycle.Plugins.Data
{
    /// <summary>
    /// The one way plug-ins read their execution context (the style of DLaB.Xrm's <c>GetTarget&lt;T&gt;()</c> /
    /// <c>GetPreEntity&lt;T&gt;()</c> / <c>GetPostEntity&lt;T&gt;()</c> extensions): the Target, the images, the row as it
    /// will be after the operation, and any other input parameter. Every read returns null when the value is missing or
    /// not of the type asked for, so a step registered without an image or called with an unexpected parameter is
    /// handled by the plug-in, not by an InvalidCastException.
    /// <para>
    /// The image aliases are declared here only; every step file of Solution/src registers its images under them
    /// (Solution/STEPS.md lists them per step).
    /// </para>
    /// </summary>
    public static class PluginContextExtensions
    {
        /// <summary>The alias of every pre-image the solution registers.</summary>
        public const string PreImageAlias = "PreImage";

        /// <summary>The alias of every post-image the solution registers.</summary>
        public const string PostImageAlias = "PostImage";

        private const string Target = "Target";

        /// <summary>
        /// InputParameters["Target"] as <typeparamref name="T"/>: the entity of Create / Update, the reference of
        /// Delete and of a bound custom API.
        /// </summary>
        public static T? GetTarget<T>(this IPluginExecutionContext context) where T : class =>
            context.GetInputParameter<T>(Target);

        /// <summary>The pre-image registered as <see cref="PreImageAlias"/>, or null.</summary>
        public static T? GetPreEntity<T>(this IPluginExecutionContext context) where T : Entity =>
            As<T>(context.PreEntityImages.TryGetValue(PreImageAlias, out Entity image) ? image : null);

        /// <summary>The post-image registered as <see cref="PostImageAlias"/>, or null.</summary>
        public static T? GetPostEntity<T>(this IPluginExecutionContext context) where T : Entity =>
            As<T>(context.PostEntityImages.TryGetValue(PostImageAlias, out Entity image) ? image : null);

        /// <summary>
        /// The row as it will be after the operation: the pre-image overlaid with the Target's values, as a new entity
        /// of the primary table (its id from the Target, else from the image).
        /// </summary>
        public static Entity CoalesceTargetWithPreEntity(this IPluginExecutionContext context)
        {
            var preImage = context.GetPreEntity<Entity>();
            var target = context.GetTarget<Entity>();
            var merged = new Entity(context.PrimaryEntityName, target?.Id ?? preImage?.Id ?? default);
            if (preImage != null) foreach (var pair in preImage.Attributes) merged[pair.Key] = pair.Value;
            if (target != null) foreach (var pair in target.Attributes) merged[pair.Key] = pair.Value;
            return merged;
        }

        /// <summary>The input parameter <paramref name="name"/> when present and of type <typeparamref name="T"/>, else null.</summary>
        public static T? GetInputParameter<T>(this IPluginExecutionContext context, string name) where T : class =>
            context.InputParameters.TryGetValue(name, out object value) ? value as T : null;

        private static T? As<T>(Entity? image) where T : Entity => image == null ? null : image as T ?? image.ToEntity<T>();
    }
}
