using System.Activities;

namespace LeadLifecycle.Solution.Fixtures
{
    /// <summary>A registrable custom workflow activity.</summary>
    public sealed class SampleActivity : CodeActivity
    {
        protected override void Execute(CodeActivityContext context)
        {
        }
    }
}
