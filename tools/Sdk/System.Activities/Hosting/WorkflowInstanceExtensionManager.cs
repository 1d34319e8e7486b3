using System.Collections.Generic;

namespace System.Activities.Hosting;

/// <summary>The extensions a host offers to activities (ActivityContext.GetExtension&lt;T&gt;).</summary>
public class WorkflowInstanceExtensionManager
{
    private readonly List<object> _singletons = new List<object>();
    private readonly List<Func<object>> _factories = new List<Func<object>>();

    public WorkflowInstanceExtensionManager()
    {
    }

    public virtual void Add(object singletonExtension)
    {
        if (singletonExtension == null)
        {
            throw new ArgumentNullException(nameof(singletonExtension));
        }

        _singletons.Add(singletonExtension);
    }

    public virtual void Add<T>(Func<T> extensionCreationFunction) where T : class
    {
        if (extensionCreationFunction == null)
        {
            throw new ArgumentNullException(nameof(extensionCreationFunction));
        }

        _factories.Add(extensionCreationFunction);
    }

    /// <summary>The extensions of one run: singletons first, then one instance from each factory.</summary>
    internal IReadOnlyList<object> CreateForRun()
    {
        var extensions = new List<object>(_singletons);
        foreach (Func<object> factory in _factories)
        {
            extensions.Add(factory());
        }

        return extensions;
    }
}
