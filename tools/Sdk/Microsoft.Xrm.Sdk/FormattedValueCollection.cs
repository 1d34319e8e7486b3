using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

[CollectionDataContract(Name = "FormattedValueCollection", Namespace = ContractNamespaces.Xrm2011)]
public sealed class FormattedValueCollection : DataCollection<string, string>
{
    public FormattedValueCollection()
    {
    }

    protected internal FormattedValueCollection(IDictionary<string, string> dictionary) : base(dictionary)
    {
    }
}
