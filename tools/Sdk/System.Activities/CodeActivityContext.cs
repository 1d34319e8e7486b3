using System.Collections.Generic;

namespace System.Activities;

public sealed class CodeActivityContext : ActivityContext
{
    internal CodeActivityContext(IReadOnlyList<object> extensions) : base(extensions)
    {
    }
}
