using RetailRec.Engine.Marketing.Runs;
using RetailRec.Tests.Engine.Marketing.Runs;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Web.Marketing;

/// <summary>One small demo dataset with one real marketing run, shared by the page tests of a class (the run takes a few seconds).</summary>
public sealed class MarketingRunFixture : IAsyncLifetime
{
    public TempDatabase Db { get; private set; } = default!;
    public int DatasetId { get; private set; }
    public MarketingJobResult Result { get; private set; } = default!;

    public async Task InitializeAsync()
    {
        Db = await TempDatabase.CreateAsync();
        (DatasetId, _) = await DemoImport.ImportAsync(Db, lines: 5000, seed: 11);
        Result = await new MarketingJobRunner(Db).RunAsync(new MarketingJobParameters(DatasetId));
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();
}
