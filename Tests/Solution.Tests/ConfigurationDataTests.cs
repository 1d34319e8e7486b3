using LeadLifecycle.SolutionModel;

namespace LeadLifecycle.Solution.Tests;

/// <summary>The shipped configuration rows (Solution/data, a Configuration Migration data package).</summary>
public class ConfigurationDataTests
{
    private static readonly ConfigurationData Data = ConfigurationDataReader.ReadFolder(RepositoryPaths.SolutionData);

    [Fact]
    public void Default_matching_strategies_are_email_for_contacts_and_email_plus_form_for_leads()
    {
        var strategies = Data.Of("llc_matchingstrategy").ToList();
        Assert.Equal(2, strategies.Count);
        var contact = strategies.Single(s => s.Fields["llc_targetentity"] is OptionValue { Value: 754100000 });
        var lead = strategies.Single(s => s.Fields["llc_targetentity"] is OptionValue { Value: 754100001 });
        Assert.Equal(("emailaddress1", true), (contact.Fields["llc_attributes"], contact.Fields["llc_isdefault"]));
        Assert.Equal(("emailaddress1,llc_marketingformid", true), (lead.Fields["llc_attributes"], lead.Fields["llc_isdefault"]));
        Assert.Equal(Guid.Parse("685be0b4-9fbc-57b9-9f20-a11db8d92a89"), contact.Id);
    }

    [Fact]
    public void No_retention_rule_ships_the_fallback_is_in_code()
    {
        Assert.Empty(Data.Of("llc_retentionrule"));
    }

    [Fact]
    public void Every_shipped_field_is_a_column_of_the_solution()
    {
        var solution = SolutionReader.ReadSourceFolder(RepositoryPaths.SolutionSource);
        foreach (var record in Data.Records)
            foreach (var field in record.Fields.Keys)
                Assert.True(solution.Table(record.Table)?.Column(field) is not null, $"{record.Table}.{field} is not in the solution");
    }

    [Fact]
    public void The_built_data_package_holds_the_same_rows()
    {
        var packed = ConfigurationDataReader.ReadPackage(Path.Combine(RepositoryPaths.PackageDir, "LeadLifecycle_Data.zip"));
        Assert.Equal(Data.Records.Select(r => (r.Table, r.Id)), packed.Records.Select(r => (r.Table, r.Id)));
        Assert.Equal(Data.Records.SelectMany(r => r.Fields), packed.Records.SelectMany(r => r.Fields));
    }

    [Fact]
    public void A_field_missing_from_the_schema_is_a_clear_error()
    {
        var dir = SamplePackage.NewTempDirectory();
        File.Copy(Path.Combine(RepositoryPaths.SolutionData, "data_schema.xml"), Path.Combine(dir, "data_schema.xml"));
        File.WriteAllText(Path.Combine(dir, "data.xml"), File.ReadAllText(Path.Combine(RepositoryPaths.SolutionData, "data.xml")).Replace("\"llc_attributes\"", "\"llc_unknown\""));
        var error = Assert.Throws<SolutionFormatException>(() => ConfigurationDataReader.ReadFolder(dir));
        Assert.Contains("llc_matchingstrategy.llc_unknown is not in data_schema.xml", error.Message);
    }
}
