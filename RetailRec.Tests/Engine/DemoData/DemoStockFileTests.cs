using RetailRec.Engine.DemoData;

namespace RetailRec.Tests.Engine.DemoData;

public class DemoStockFileTests
{
    [Fact]
    public void One_row_per_product_with_dead_items_holding_stock()
    {
        var data = DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = 20_000, Seed = 9 });
        var rows = DemoStockFile.Generate(data);
        Assert.Equal(data.Products.Select(p => p.StockCode), rows.Select(r => r.StockCode));
        Assert.All(rows, r => Assert.InRange(r.OnHand, 0, r.Received));
        var dead = data.Products.Where(p => p.DeadFrom is not null).Select(p => p.StockCode).ToHashSet();
        Assert.NotEmpty(dead);
        // Nothing sells after a dead item's last delivery, so all of it is still there.
        Assert.All(rows.Where(r => dead.Contains(r.StockCode)), r => Assert.Equal(r.Received, r.OnHand));

        using var writer = new StringWriter();
        DemoStockFile.Write(writer, rows);
        var lines = writer.ToString().Split('\n');
        Assert.Equal("StockCode,OnHand,Received,ReceivedDate", lines[0]);
        Assert.Matches("^[0-9]{5}[A-Z]?,[0-9]+,[0-9]+,20[0-9]{2}-[0-9]{2}-[0-9]{2}$", lines[1]);
    }
}
