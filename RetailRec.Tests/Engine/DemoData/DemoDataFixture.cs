using RetailRec.Engine.DemoData;
using RetailRec.Engine.Domain;

namespace RetailRec.Tests.Engine.DemoData;

/// <summary>One default-sized demo dataset shared by the shape tests (generation is the slow part).</summary>
public sealed class DemoDataFixture
{
    public DemoDataset Data { get; } = DemoDataGenerator.Generate(new DemoDataOptions());

    public IEnumerable<TransactionRecord> ProductSales =>
        Data.Records.Where(r => r.Flags == LineFlags.None || r.Flags == LineFlags.MissingCustomer);
}
