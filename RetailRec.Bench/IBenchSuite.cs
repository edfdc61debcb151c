namespace RetailRec.Bench;

/// <summary>One benchmark suite. Suites are discovered by reflection so each capability adds its own file.</summary>
public interface IBenchSuite
{
    /// <summary>The name typed on the command line, e.g. "import".</summary>
    string Name { get; }
    string Description { get; }
    Task RunAsync(BenchContext context);
}

/// <summary>Shared settings: where the real dataset is, and how many repetitions to take medians over.</summary>
public sealed record BenchContext(string DatasetPath, int Repetitions, string[] Args);
