using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Neural.Models;
using RetailRec.Tests.Support;

namespace RetailRec.Tests.Engine.Neural;

public class SequenceDataTests
{
    private static RetailLog ThreeBasketCustomer() => RetailLogBuilder.Build([
        Records.Sale("A", "1", "X1", "2011-01-01 10:00:00"), Records.Sale("A", "1", "X2", "2011-01-01 10:00:00"),
        Records.Sale("A", "2", "X3", "2011-01-02 10:00:00"),
        Records.Sale("A", "3", "X4", "2011-01-03 10:00:00"), Records.Sale("A", "3", "X5", "2011-01-03 10:00:00"),
        Records.Sale("B", "4", "X1", "2011-01-04 10:00:00"), Records.Sale("B", "5", "X2", "2011-01-05 10:00:00"),
    ]);

    [Fact]
    public void Validation_holds_out_the_last_basket_of_customers_with_three_or_more_baskets()
    {
        var log = ThreeBasketCustomer();
        var data = CustomerSequences.Build(log);
        Assert.Equal([0], data.ValidationCustomers);              // only A has 3 baskets
        Assert.Equal([3, 4], data.ValidationTargets[0]);          // X4, X5
        Assert.Equal(2, data.Fitting[0].Baskets.Length);
        Assert.Equal(3, data.Full[0].Baskets.Length);
        Assert.Equal(2, data.Fitting[1].Baskets.Length);          // B trains on everything
    }

    [Fact]
    public void Next_item_batches_are_right_aligned_and_shifted_by_one()
    {
        var seq = new CustomerSequence(0, [[1, 2], [3], [4, 5]]);
        var batch = SequenceBatcher.Training([seq], 6, BasketTargets.NextItem, shuffleAll: false, new Random(1));
        // 5 items -> 4 training positions in the last 4 slots of 6.
        Assert.Equal([false, false, true, true, true, true], batch.Valid);
        Assert.Equal([-1, -1], batch.Inputs[..2]);
        for (var i = 2; i < 5; i++) Assert.Equal(batch.Inputs[i + 1], batch.Targets[i]);
        Assert.Equal([1, 2], batch.Inputs[2..4].Order());          // first basket, shuffled within
        Assert.Equal(3, batch.Inputs[4]);
        Assert.Contains(batch.Targets[5], new[] { 4, 5 });
    }

    [Fact]
    public void Next_basket_targets_come_from_the_following_invoice()
    {
        var seq = new CustomerSequence(0, [[1, 2], [3], [4, 5]]);
        var batch = SequenceBatcher.Training([seq], 4, BasketTargets.NextBasket, shuffleAll: false, new Random(1));
        Assert.Equal([false, true, true, true], batch.Valid);
        Assert.Equal([1, 2], batch.Inputs[1..3].Order());
        Assert.Equal([3, 3], batch.Targets[1..3]);
        Assert.Equal(3, batch.Inputs[3]);
        Assert.Contains(batch.Targets[3], new[] { 4, 5 });
    }

    [Fact]
    public void Inference_batches_keep_the_most_recent_items()
    {
        var seq = new CustomerSequence(0, [[1, 2], [3], [4, 5]]);
        var batch = SequenceBatcher.Inference([seq], 3);
        Assert.Equal([3, 4, 5], batch.Inputs);
        Assert.All(batch.Targets, t => Assert.Equal(-1, t));
    }
}
