using RetailRec.Engine.DemoData;

namespace RetailRec.Tests.Engine.DemoData;

public class DemoDataDeterminismTests
{
    private static string Csv(DemoDataOptions options)
    {
        using var writer = new StringWriter();
        OnlineRetailCsvWriter.Write(writer, DemoDataGenerator.Generate(options).Records);
        return writer.ToString();
    }

    [Fact]
    public void Same_seed_gives_identical_output_and_another_seed_differs()
    {
        var options = new DemoDataOptions { TargetLines = 12_000, Seed = 5 };
        var first = Csv(options);
        Assert.Equal(first, Csv(options));
        Assert.NotEqual(first, Csv(options with { Seed = 6 }));
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(30_000)]
    public void Requested_size_is_met_within_eight_percent(int lines)
    {
        var data = DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = lines, Seed = 3 });
        Assert.InRange(data.Records.Count, lines * 0.92, lines * 1.08);
    }

    [Fact]
    public void Invalid_options_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = 10 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => DemoDataGenerator.Generate(new DemoDataOptions { CancellationShare = 0.5 }));
    }
}
