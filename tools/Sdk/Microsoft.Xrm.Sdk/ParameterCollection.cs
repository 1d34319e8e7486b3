using System;
using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Request parameters, response results, execution-context parameters and shared variables.</summary>
[KnownType("GetKnownParameterTypes")]
[CollectionDataContract(Name = "ParameterCollection", Namespace = ContractNamespaces.Xrm2011)]
public class ParameterCollection : DataCollection<string, object>
{
    public ParameterCollection()
    {
    }

    protected internal ParameterCollection(IDictionary<string, object> dictionary) : base(dictionary)
    {
    }

    /// <summary>True (and the value) only when the key exists and its value is a <typeparamref name="T"/>.</summary>
    public bool TryGetValue<T>(string key, out T value)
    {
        // base.: the generic overload here would otherwise bind to itself.
        if (base.TryGetValue(key, out object raw) && raw is T typed)
        {
            value = typed;
            return true;
        }

        value = default;
        return false;
    }

    public void AddOrUpdateIfNotNull(string key, object value)
    {
        if (value != null)
        {
            this[key] = value;
        }
    }

    private static IEnumerable<Type> GetKnownParameterTypes() => KnownTypesProvider.RetrieveKnownValueTypes();
}
