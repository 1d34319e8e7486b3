using System.IO.Compression;
using System.Xml.Linq;
using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>llc check holds the business process flow to the shape Dataverse generates: each test breaks one thing in a
/// copy of the built managed zip and expects that defect.</summary>
public class ProcessFlowCheckerTests
{
    private const string Flow = "llc_leadlifecycleprocess";

    private static string Broken(Action<ZipArchive> edit)
    {
        var copy = Path.Combine(SamplePackage.NewTempDirectory(), "broken.zip");
        File.Copy(RepositoryPaths.ManagedZip, copy);
        using (var zip = ZipFile.Open(copy, ZipArchiveMode.Update)) edit(zip);
        return copy;
    }

    private static void Edit(ZipArchive zip, string entry, Func<string, string> change)
    {
        var existing = zip.GetEntry(entry)!;
        string text;
        using (var reader = new StreamReader(existing.Open())) text = reader.ReadToEnd();
        existing.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
        writer.Write(change(text));
    }

    private static void EditCustomizations(ZipArchive zip, Action<XDocument> change) => Edit(zip, "customizations.xml", text =>
    {
        var doc = XDocument.Parse(text);
        change(doc);
        return doc.ToString();
    });

    private static List<SolutionDefect> FlowErrors(string zip) =>
        SolutionChecker.Check(zip).Where(d => d.Severity == DefectSeverity.Error && d.Rule.StartsWith("bpf-")).ToList();

    [Fact]
    public void The_built_flow_has_no_defect()
    {
        Assert.Empty(FlowErrors(RepositoryPaths.ManagedZip));
    }

    [Fact]
    public void A_flow_table_without_its_generated_relationship_is_reported()
    {
        var zip = Broken(z => EditCustomizations(z, doc =>
            doc.Descendants("EntityRelationship").Single(r => (string?)r.Attribute("Name") == $"lk_{Flow}_activestageid").Remove()));

        var error = Assert.Single(FlowErrors(zip));
        Assert.Equal("bpf-table", error.Rule);
        Assert.Contains($"lk_{Flow}_activestageid", error.Message);
    }

    [Fact]
    public void A_flow_table_without_its_system_columns_and_relationships_is_reported()
    {
        var zip = Broken(z => EditCustomizations(z, doc =>
        {
            doc.Descendants("EntityRelationship").Single(r => (string?)r.Attribute("Name") == $"organization_{Flow}").Remove();
            doc.Descendants("Entity").Single(e => e.Element("Name")?.Value == Flow)
                .Descendants("attribute").Single(a => (string?)a.Element("LogicalName") == "createdon").Remove();
        }));

        var errors = FlowErrors(zip);
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("bpf-table", e.Rule));
        Assert.Contains(errors, e => e.Message.Contains($"organization_{Flow}"));
        Assert.Contains(errors, e => e.Message.Contains("CreatedOn"));
    }

    [Fact]
    public void A_flow_table_without_the_formula_of_bpf_duration_is_reported()
    {
        var zip = Broken(z => z.GetEntry($"Formulas/{Flow}-bpf_duration.xaml")!.Delete());

        var error = Assert.Single(FlowErrors(zip));
        Assert.Equal("bpf-table", error.Rule);
        Assert.Contains("bpf_duration", error.Message);
    }

    [Fact]
    public void A_flow_not_applied_on_create_is_reported()
    {
        var zip = Broken(z => EditCustomizations(z, doc =>
            doc.Descendants("Workflow").Single(w => (string?)w.Element("UniqueName") == Flow).Element("TriggerOnCreate")!.Value = "0"));

        var error = Assert.Single(FlowErrors(zip));
        Assert.Equal("bpf-not-applied", error.Rule);
    }

    [Fact]
    public void Duplicate_step_numbers_are_reported()
    {
        var xaml = "Workflows/LeadLifecycleProcess-439BE526-AD8B-5F77-8B94-455D0573BECE.xaml";
        var zip = Broken(z => Edit(z, xaml, text => text.Replace("DisplayName=\"StepStep4: Existing Contact\"", "DisplayName=\"StepStep3: Existing Contact\"")));

        var error = Assert.Single(FlowErrors(zip));
        Assert.Equal("bpf-step-numbers", error.Rule);
        Assert.Contains("step number 3", error.Message);
    }
}
