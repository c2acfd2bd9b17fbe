// The engine's table of contents: everything the surfaces use comes from here.

// The model: inputs, validation, plans and their rules
export * from "./model/instance";
export * from "./model/validate";
export * from "./model/closedLoops";
export * from "./model/sparseSubstitution";
export * from "./model/plan";
export * from "./model/planLimits";
export * from "./model/fitToRules";
export * from "./model/validateCurrent";
export * from "./model/limits";
export * from "./model/walkLength";
export * from "./model/stronglyConnected";

// Text helpers for messages
export * from "./text/format";
export * from "./text/suggest";

// Random numbers and distributions
export * from "./random/rng";
export * from "./random/hash";
export * from "./random/alias";
export * from "./random/poisson";
export * from "./random/gamma";
export * from "./random/negativeBinomial";
export * from "./random/poissonNewsvendor";

// Choice probabilities and choice models
export * from "./choice/choiceProbabilities";
export * from "./choice/transientSolve";
export * from "./choice/multiStepModel";
export * from "./choice/multiStepChain";
export * from "./generate/multiStepGenerator";
export * from "./choice/mnlToMarkovChain";
export * from "./choice/denseSolve";

// Substitution from data: fitted chains and attribute similarity
export * from "./substitution/fitMarkovChain";
export * from "./substitution/fitWarnings";
export * from "./substitution/similaritySubstitution";

// Simulating seasons
export * from "./simulate/season";
export * from "./simulate/simulate";
export * from "./simulate/walkTables";
export * from "./simulate/sampledSeasons";
export * from "./simulate/marginalValues";
export * from "./simulate/host";
export * from "./simulate/workBudget";
export * from "./simulate/seasonPool";
export * from "./simulate/seasonService";
export * from "./simulate/portPool";
export * from "./simulate/simulationBlock";

// Upper bounds
export * from "./bound/fluidBound";
export * from "./bound/limitedFluid";
export * from "./bound/planBound";
export * from "./bound/stochasticBound";
export * from "./bound/substitutionComponents";
export * from "./bound/realisticCeiling";
export * from "./bound/softStopping";
export * from "./bound/componentSaaDual";

// The optimiser
export * from "./optimize/optimize";
export * from "./optimize/optimizeTypes";
export * from "./optimize/improvePlan";
export * from "./optimize/pooledAssortment";
export * from "./optimize/decisions";
export * from "./optimize/whereDemandGoes";
export * from "./optimize/indexHeap";
export * from "./optimize/pairMoves";
export * from "./optimize/refill";

// Instance and history generators
export * from "./generate/generateInstance";
export * from "./generate/keepBest";
export * from "./generate/sampleHistory";
export * from "./generate/rankingChain";

// Comparing plans: the current range, actions, rules and what relaxing them is worth
export * from "./compare/compareTypes";

// Choice models in, the Markov chain out (the planner's abstraction layer)
export * from "./choice/choiceModel";
export * from "./choice/rankingChoice";
export * from "./choice/logitChoice";
export * from "./substitution/chainFromModel";
export * from "./substitution/chainFidelity";
export * from "./choice/readChoiceModel";
export * from "./choice/chainPurchase";
export * from "./compare/estimate";
export * from "./compare/planKpis";
export * from "./compare/actions";
export * from "./compare/ruleUse";
export * from "./compare/currentBreaks";
export * from "./compare/comparePlans";
export * from "./compare/actionReasons";
// What if: moving a rule (its value, a sweep of it), plans compared on the same seasons
export * from "./whatif/pairedSeasons";
export * from "./whatif/rules";
export * from "./whatif/relaxRule";
export * from "./whatif/sweep";
export * from "./whatif/pointResult";
export * from "./model/isRecord";
export * from "./choice/sourceSimulation";
export * from "./generate/rankingFamily";
