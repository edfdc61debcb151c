using RetailRec.Engine.Datasets.RetailLogs;
using RetailRec.Engine.Promotions;
using RetailRec.Engine.Promotions.Calibration;
using RetailRec.Engine.Promotions.Campaigns;
using RetailRec.Engine.Promotions.Features;
using RetailRec.Engine.Promotions.Models;

namespace RetailRec.Tests.Engine.Promotions;

/// <summary>The campaign builder's model choices: calibration on a held-out window, the MLP, and the recommender feature.</summary>
public class CalibratedCampaignTests(CampaignDemoFixture fixture) : IClassFixture<CampaignDemoFixture>
{
    private readonly RetailLog _log = fixture.Log;
    private static readonly PropensityOptions Options = new();

    private (IReadOnlyList<int> Pool, DateTime Date, PropensityTrainer Trainer) Setup()
    {
        var date = _log.DefaultAnalysisDate;
        var history = new PurchaseHistory(_log, date);
        var top = Enumerable.Range(0, _log.ItemCount).MaxBy(i => history.ItemBuyersRecent[i]);
        return (PropensityTrainer.PoolFor(history, [top], 10), date, new PropensityTrainer(Options, new PropensityFeatureBuilder()));
    }

    [Theory]
    [InlineData(CalibrationMethod.Platt)]
    [InlineData(CalibrationMethod.Isotonic)]
    public void Calibration_is_fitted_on_the_horizon_before_the_scoring_date_and_matches_its_buyer_rate(CalibrationMethod method)
    {
        var (pool, date, trainer) = Setup();
        var (model, report) = trainer.TrainCalibrated(PropensityModelKind.Logistic, method, _log, date, pool);

        Assert.Equal(date.AddDays(-Options.HorizonDays), report.ValidationFrom);
        Assert.Equal(date, report.ValidationTo);
        Assert.Equal(method, model.Calibration.Method);
        Assert.True(report.Buyers > 0);
        // Both maps are maximum-likelihood / least-squares fits with a free level, so on the data they were fitted on
        // the mean calibrated probability equals the observed buyer rate (Platt up to its 1e-6 ridge).
        Assert.Equal(report.ObservedRate, report.MeanCalibrated, 4);
        // Isotonic regression minimises squared error over all monotone maps, the identity included.
        if (method == CalibrationMethod.Isotonic) Assert.True(report.BrierCalibrated <= report.BrierRaw + 1e-12);
        Assert.Equal(10, report.Calibrated.Length);
    }

    [Fact]
    public void The_calibrated_model_never_saw_the_validation_window()
    {
        var (pool, date, trainer) = Setup();
        var validationStart = date.AddDays(-Options.HorizonDays);
        var (model, _) = trainer.TrainCalibrated(PropensityModelKind.Logistic, CalibrationMethod.Platt, _log, date, pool);
        // The same training on a log cut at the validation start gives the same model: nothing from the window leaked in.
        var cut = trainer.TrainLogistic(_log.Before(validationStart), validationStart, pool);

        var history = new PurchaseHistory(_log, date);
        var m = new PropensityFeatureBuilder().Build(history, pool[0], history.ActiveCustomers());
        for (var r = 0; r < 50; r++) Assert.Equal(cut.Predict(m.Row(r)), model.RawPredict(m.Row(r)), 10);
    }

    [Fact]
    public void Campaign_probabilities_are_the_calibrated_ones_and_the_plan_records_the_model()
    {
        var (pool, date, _) = Setup();
        var code = _log.ItemCodes[pool[0]];
        var raw = new CampaignBuilder(_log).Build(new CampaignRequest { StockCodes = [code], AudienceSize = 40, Calibration = CalibrationMethod.None });
        var platt = new CampaignBuilder(_log).Build(new CampaignRequest { StockCodes = [code], AudienceSize = 40, Calibration = CalibrationMethod.Platt });

        Assert.Equal(CalibrationMethod.None, raw.Model!.Calibration.Method);
        Assert.Equal(raw.Model.Calibration.MeanRaw, raw.Model.Calibration.MeanCalibrated, 12);
        Assert.Equal("logistic regression, Platt calibrated", platt.Model!.Name);
        Assert.Equal(1 + Options.PooledItems, platt.Model.PooledProducts); // the product and the 30 most bought lately
        Assert.Null(platt.Model.Recommender);
        // Platt is strictly monotone: the customers both plans chose are in the same probability order, with re-mapped values.
        // (The audience itself may differ a little: it is ranked by expected profit, where probability meets expected units.)
        var rawP = raw.Targets.ToDictionary(t => t.CustomerId, t => t.Probability);
        var common = platt.Targets.Where(t => rawP.ContainsKey(t.CustomerId)).ToArray();
        Assert.True(common.Length >= 30);
        Assert.Equal(common.OrderBy(t => rawP[t.CustomerId]).Select(t => t.CustomerId), common.OrderBy(t => t.Probability).Select(t => t.CustomerId));
        Assert.Contains(common, t => Math.Abs(t.Probability - rawP[t.CustomerId]) > 1e-4);
        Assert.Equal(date, platt.Model.Calibration.ValidationTo);
    }

    [Fact]
    public void The_mlp_can_score_a_campaign_and_explains_it_with_occlusion_reasons()
    {
        var plan = new CampaignBuilder(_log).Build(new CampaignRequest { Keyword = "lantern", AudienceSize = 50, Model = PropensityModelKind.Mlp });

        Assert.StartsWith("MLP (neural)", plan.Model!.Name);
        Assert.Equal(50, plan.Targets.Count);
        Assert.Equal(plan.Targets.OrderByDescending(t => t.ExpectedProfit).Select(t => t.CustomerId), plan.Targets.Select(t => t.CustomerId));
        Assert.All(plan.Targets, t => Assert.InRange(t.Reasons.Count, 1, 3));
        Assert.All(plan.Targets.SelectMany(t => t.Reasons), r => Assert.Contains(r, PropensityFeatureBuilder.BaseNames));
        Assert.True(plan.Targeted.ConversionRate > 2 * plan.Broadcast.ConversionRate);
    }

    [Fact]
    public void A_recommender_feature_is_added_and_named_and_an_unknown_one_is_refused()
    {
        var (pool, _, _) = Setup();
        var code = _log.ItemCodes[pool[0]];
        var plan = new CampaignBuilder(_log).Build(new CampaignRequest { StockCodes = [code], AudienceSize = 30, RecommenderFeature = "ItemKNN" });

        Assert.Equal("ItemKNN", plan.Model!.Recommender);
        Assert.Equal("recommended by ItemKNN", plan.Model.Features[^1]);
        Assert.Equal(PropensityFeatureBuilder.BaseNames.Length + 1, plan.Model.Features.Count);
        var ex = Assert.Throws<ArgumentException>(() => new CampaignBuilder(_log).Build(new CampaignRequest { StockCodes = [code], RecommenderFeature = "NoSuchModel" }));
        Assert.Contains("ItemKNN", ex.Message); // the message lists the valid names
    }
}
