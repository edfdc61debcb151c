namespace RetailRec.Engine.Promotions.Models;

/// <summary>Which purchase-probability model a campaign is scored with.</summary>
public enum PropensityModelKind
{
    /// <summary>Logistic regression: the explainable default; its reasons are exact log-odds contributions.</summary>
    Logistic,
    /// <summary>The one-hidden-layer network on the neural engine; reasons come from occlusion.</summary>
    Mlp,
    /// <summary>LightGBM gradient-boosted trees; reasons come from occlusion in log-odds.</summary>
    LightGbm,
}
