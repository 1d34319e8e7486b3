using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

public class EntityImageCollection : DataCollection<string, Entity>
{
    public EntityImageCollection()
    {
    }

    public EntityImageCollection(IDictionary<string, Entity> dictionary) : base(dictionary)
    {
    }
}
