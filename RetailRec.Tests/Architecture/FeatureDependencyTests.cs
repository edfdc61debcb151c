namespace RetailRec.Tests.Architecture;

/// <summary>
/// The layout's rules, checked on the compiled assemblies: feature folders of the engine never refer to each other in
/// a cycle, the job queue knows no feature, and the web app's API and pages never import each other.
/// </summary>
public class FeatureDependencyTests
{
    private static readonly string EngineDll = typeof(RetailRec.Engine.Jobs.JobService).Assembly.Location;
    private static readonly string WebDll = typeof(RetailRec.Web.Api.ApiEndpoints).Assembly.Location;

    /// <summary>"RetailRec.Engine.Marketing.Runs" belongs to the feature "Marketing"; the root namespace is the composition root.</summary>
    private static string? EngineFeature(string ns)
    {
        var parts = ns.Split('.');
        return parts.Length >= 3 && parts[0] == "RetailRec" && parts[1] == "Engine" ? parts[2] : null;
    }

    [Fact]
    public void Engine_feature_folders_have_no_dependency_cycles()
    {
        var graph = TypeReferenceGraph.Build(EngineDll, EngineFeature);
        Assert.Contains("Marketing", graph.Keys); // the grouping sees the features at all
        Assert.Contains("Recommendations", graph["Marketing"]);

        var cycles = TypeReferenceGraph.Cycles(graph);
        Assert.True(cycles.Count == 0, "Feature cycles: " + string.Join("; ", cycles.Select(c => string.Join(" <-> ", c))));
    }

    [Fact]
    public void The_job_queue_knows_no_feature()
    {
        var graph = TypeReferenceGraph.Build(EngineDll, EngineFeature);
        Assert.Subset(new HashSet<string> { "Storage" }, graph["Jobs"]);
    }

    [Fact]
    public void Api_and_pages_never_import_each_other()
    {
        static string? Area(string ns) =>
            ns.StartsWith("RetailRec.Web.Api", StringComparison.Ordinal) ? "Api"
            : ns.StartsWith("RetailRec.Web.Components.Pages", StringComparison.Ordinal) ? "Pages"
            : null;
        var graph = TypeReferenceGraph.Build(WebDll, Area);
        Assert.DoesNotContain("Pages", graph.GetValueOrDefault("Api") ?? []);
        Assert.DoesNotContain("Api", graph.GetValueOrDefault("Pages") ?? []);
    }

    [Fact]
    public void The_cycle_finder_finds_a_planted_cycle()
    {
        var graph = new Dictionary<string, HashSet<string>> { ["A"] = ["B"], ["B"] = ["C"], ["C"] = ["A"], ["D"] = ["A"] };
        Assert.Equal([["A", "B", "C"]], TypeReferenceGraph.Cycles(graph));
    }
}
