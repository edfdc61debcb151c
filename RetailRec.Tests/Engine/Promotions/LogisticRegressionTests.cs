using RetailRec.Engine.Promotions.Models;

namespace RetailRec.Tests.Engine.Promotions;

public class LogisticRegressionTests
{
    [Fact]
    public void One_binary_feature_recovers_the_closed_form_maximum_likelihood_fit()
    {
        // x=0: 1 buyer of 4 -> logit(1/4) = -ln 3;  x=1: 3 buyers of 4 -> logit(3/4) = ln 3.
        // The MLE reproduces both group rates: intercept = -ln 3, slope = 2 ln 3.
        double[] x = [0, 0, 0, 0, 1, 1, 1, 1];
        byte[] y = [1, 0, 0, 0, 1, 1, 1, 0];
        var fit = LogisticRegression.Fit(x, 1, y, lambda: 0, standardize: false);
        Assert.Equal(-Math.Log(3), fit.Intercept, 8);
        Assert.Equal(2 * Math.Log(3), fit.Weights[0], 8);
        Assert.Equal(0.75, fit.Predict([1.0]), 8);
    }

    [Fact]
    public void Regularised_fit_matches_an_independent_gradient_descent_optimum()
    {
        var rng = new Random(4);
        const int rows = 300, width = 3;
        var x = new double[rows * width];
        var y = new byte[rows];
        for (var r = 0; r < rows; r++)
        {
            for (var k = 0; k < width; k++) x[r * width + k] = rng.NextDouble() * 2 - 1;
            var t = 0.5 + 1.5 * x[r * width] - 2 * x[r * width + 1];
            y[r] = rng.NextDouble() < 1 / (1 + Math.Exp(-t)) ? (byte)1 : (byte)0;
        }
        const double lambda = 3;
        var fit = LogisticRegression.Fit(x, width, y, lambda, standardize: false);

        // Plain gradient descent on the same objective, coded separately: sum log-loss + lambda/2 |w|^2 (intercept free).
        var beta = new double[width + 1];
        for (var step = 0; step < 40_000; step++)
        {
            var g = new double[width + 1];
            for (var r = 0; r < rows; r++)
            {
                var t = beta[0];
                for (var k = 0; k < width; k++) t += beta[k + 1] * x[r * width + k];
                var e = 1 / (1 + Math.Exp(-t)) - y[r];
                g[0] += e;
                for (var k = 0; k < width; k++) g[k + 1] += e * x[r * width + k];
            }
            for (var k = 1; k <= width; k++) g[k] += lambda * beta[k];
            for (var k = 0; k <= width; k++) beta[k] -= 0.005 * g[k];
        }
        Assert.Equal(beta[0], fit.Intercept, 6);
        for (var k = 0; k < width; k++) Assert.Equal(beta[k + 1], fit.Weights[k], 6);
        Assert.True(fit.Weights[0] > 0.5 && fit.Weights[1] < -0.5); // the planted signs come back
    }

    [Fact]
    public void Standardised_contributions_sum_to_the_log_odds_minus_the_intercept()
    {
        double[] x = [1, 10, 2, 30, 3, 20, 4, 50, 5, 40, 6, 60];
        byte[] y = [0, 0, 1, 0, 1, 1];
        var fit = LogisticRegression.Fit(x, 2, y, lambda: 1);
        double[] row = [2.5, 35];
        Assert.Equal(fit.LogOdds(row) - fit.Intercept, fit.Contributions(row).Sum(), 12);
        // The gradient of the penalised objective vanishes at the fit (finite differences of the loss).
        double Loss(double b0, double w0, double w1)
        {
            double sum = 0;
            for (var r = 0; r < 6; r++)
            {
                var t = b0 + w0 * (x[2 * r] - fit.Standardizer.Mean[0]) / fit.Standardizer.Scale[0]
                           + w1 * (x[2 * r + 1] - fit.Standardizer.Mean[1]) / fit.Standardizer.Scale[1];
                sum += Math.Log(1 + Math.Exp(-t)) + (1 - y[r]) * t;
            }
            return sum + 0.5 * (w0 * w0 + w1 * w1);
        }
        const double h = 1e-5;
        var (b, a0, a1) = (fit.Intercept, fit.Weights[0], fit.Weights[1]);
        Assert.Equal(0, (Loss(b + h, a0, a1) - Loss(b - h, a0, a1)) / (2 * h), 5);
        Assert.Equal(0, (Loss(b, a0 + h, a1) - Loss(b, a0 - h, a1)) / (2 * h), 5);
        Assert.Equal(0, (Loss(b, a0, a1 + h) - Loss(b, a0, a1 - h)) / (2 * h), 5);
    }
}
