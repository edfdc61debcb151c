using RetailRec.Engine.Datasets;
using RetailRec.Engine.Jobs;
using RetailRec.Engine.Runs;
using RetailRec.Engine.Storage;

namespace RetailRec.Engine.Neural.Training;

/// <summary>
/// The sequence-model training job, its run (kept apart from the classical "evaluation" runs and compared with them on
/// the Models page through the shared results artifact) and where its checkpoints go.
/// </summary>
public static class NeuralJobs
{
    public static readonly JobKind<SequenceTrainingParameters> SequenceTraining = new("sequence-train", "Train sequence model");
    public static readonly RunKind SequenceRun = new("sequence");

    public static class Artifacts
    {
        public static readonly ArtifactKey<List<SequenceSplitOutcome>> Sequence = new("sequence");
        public static readonly ArtifactKey<ShuffleTestOutcome> Shuffle = new("shuffle");
    }

    public static string CheckpointFolder(DataPaths paths) => paths.Feature("models");

    /// <summary>The best weights of one job on one split (temp file + move while training, so a cancelled job keeps them).</summary>
    public static string CheckpointPath(DataPaths paths, int jobId, string split) => Path.Combine(CheckpointFolder(paths), $"job-{jobId}-{split}.rrmodel");
}

/// <summary>A deleted dataset's checkpoints (named by the jobs that trained them).</summary>
internal sealed class CheckpointCleanup(DataPaths paths) : IDatasetCleanup
{
    public IReadOnlyList<string> Remove(DeletedDataset dataset)
    {
        var folder = NeuralJobs.CheckpointFolder(paths);
        var failed = new List<string>();
        if (!Directory.Exists(folder)) return failed;
        foreach (var jobId in dataset.JobIds)
        foreach (var file in Directory.EnumerateFiles(folder, $"job-{jobId}-*"))
            CleanupFiles.Delete(file, failed);
        return failed;
    }
}
