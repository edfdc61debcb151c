using RetailRec.Engine.Jobs;

namespace RetailRec.Engine.Datasets.Ingestion;

/// <summary>
/// What an import job needs. The upload is saved to disk first, so the job can be re-run after a restart
/// or a failure without asking the user to upload again.
/// </summary>
public sealed record ImportJobParameters(string UploadPath, string FileName, string DatasetName, ColumnMapping? Mapping, bool MakeActive = true, bool IsDemo = false)
    : IJobParameters
{
    int? IJobParameters.DatasetId => null;
    string IJobParameters.TitleSubject => FileName;
}

/// <summary>The job's stored result: the dataset it created (or the identical one that already existed) and the report.</summary>
public sealed record ImportJobResult(int DatasetId, bool AlreadyImported, string Message, ImportReport? Report);
