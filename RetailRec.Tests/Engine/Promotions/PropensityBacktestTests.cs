using RetailRec.Engine.DemoData;
using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions;
using RetailRec.Engine.Promotions.Evaluation;

namespace RetailRec.Tests.Engine.Promotions;

public class PropensityBacktestTests
{
    [Fact]
    public void Out_of_time_the_model_ranks_buyers_better_than_both_baselines_on_demo_data()
    {
        var log = RetailLogBuilder.Build(DemoDataGenerator.Generate(new DemoDataOptions { TargetLines = 40_000, Seed = 8 }).Records);
        var cutoff = new DateTime(2011, 10, 1);
        var result = new PropensityBacktest(new PropensityOptions()).Run(log, cutoff, topProducts: 20, slowProducts: 5, n: 50);

        Assert.Equal(25, result.Products.Count);
        Assert.Equal(5, result.Products.Count(p => p.Slow));
        Assert.True(result.Products.Sum(p => p.Buyers) > 100);
        Assert.True(result.Model.RocAuc > 0.75, $"model AUC {result.Model.RocAuc:F3}");
        Assert.True(result.Model.RocAuc > result.PastBuyers.RocAuc);
        Assert.True(result.Model.RocAuc > result.TopSpenders.RocAuc);
        Assert.True(result.Model.LiftAt10 > 2);
        Assert.InRange(result.Model.Brier, 0, 0.1);

        // The MLP row: fitted on the same training rows, scored out of time like the logistic model. On this small demo
        // set it does not beat the spend rule (0.799 vs 0.809 AUC at the time of writing), so only the weaker claims are asserted.
        Assert.NotNull(result.Mlp);
        Assert.All(result.Products, p => Assert.NotNull(p.Mlp));
        Assert.True(result.Mlp.RocAuc > 0.75, $"MLP AUC {result.Mlp.RocAuc:F3}");
        Assert.True(result.Mlp.RocAuc > result.PastBuyers.RocAuc, $"MLP {result.Mlp.RocAuc:F3} logistic {result.Model.RocAuc:F3} spend {result.TopSpenders.RocAuc:F3} past {result.PastBuyers.RocAuc:F3}");
        Assert.InRange(result.Mlp.Brier, 0, 0.1);
    }
}
