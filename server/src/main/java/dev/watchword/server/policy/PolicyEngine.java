package dev.watchword.server.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Compiles and evaluates context policies written in CEL.
 *
 * <p>Guarantees: an expression is compiled once (when validated, or on first use after a
 * restart) and its program reused, never compiled per request; a rule set allows only if every
 * rule evaluates to exactly {@code true}: {@code false}, a non-boolean, or an evaluation error
 * denies (fail closed); CEL has no unbounded loops, and comprehensions are capped, so a rule
 * cannot stall a request. Thread-safe.
 */
@Component
public class PolicyEngine {

  public static final int MAX_EXPRESSION_LENGTH = 1000;
  static final String IN_CIDR = "inCidr";
  private static final int MAX_CACHED = 10_000;
  private static final Logger log = LoggerFactory.getLogger(PolicyEngine.class);

  private static final CelOptions OPTIONS = CelOptions.current()
      .maxExpressionCodePointSize(MAX_EXPRESSION_LENGTH)
      .comprehensionMaxIterations(1_000)
      .build();
  private static final CelType VALUES = MapType.create(SimpleType.STRING, SimpleType.DYN);
  private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
      .setOptions(OPTIONS)
      // has(), all(), exists(), exists_one(), map(), filter(): e.g. resource.tags.exists(t, t.startsWith("prod"));
      // their comprehensions are capped by comprehensionMaxIterations.
      .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
      .addVar("subject", VALUES)
      .addVar("auth", VALUES)
      .addVar("request", VALUES)
      .addVar("resource", VALUES)
      .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration(IN_CIDR,
          CelOverloadDecl.newGlobalOverload("inCidr_string_string", SimpleType.BOOL, SimpleType.STRING,
              SimpleType.STRING)))
      .build();
  private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
      .setOptions(OPTIONS)
      .addFunctionBindings(CelFunctionBinding.from("inCidr_string_string", String.class, String.class,
          Cidr::contains))
      .build();

  private final Map<String, CelRuntime.Program> programs = new ConcurrentHashMap<>();

  /**
   * Compiles {@code expression} and keeps its program; refuses with the compiler's message one
   * that does not compile, is not boolean, or passes a malformed literal block to {@code inCidr}.
   */
  public void validate(String expression) {
    if (expression == null || expression.isBlank()) {
      throw new InvalidPolicyException("'expression' is required: a CEL condition such as auth.aal >= 2.");
    }
    program(expression);
  }

  /**
   * Evaluates every rule of every set, the sets in the order given (the organisation's before the
   * vault's), each rule in its set's order, and stops at the first that does not hold. Never
   * throws for a rule's sake.
   */
  public PolicyDecision evaluate(List<RuleSet> sets, PolicyInput input) {
    Map<String, Object> zoneFree = null;
    int passed = 0;
    for (RuleSet set : sets) {
      if (set.rules().isEmpty()) {
        continue;
      }
      zoneFree = zoneFree == null ? input.zoneFree() : zoneFree;
      Map<String, Object> variables = input.variables(zoneFree, set.zone());
      for (PolicyRule rule : set.rules()) {
        if (!holds(rule, variables)) {
          return PolicyDecision.deny(rule, passed);
        }
        passed++;
      }
    }
    return PolicyDecision.allow(passed);
  }

  private boolean holds(PolicyRule rule, Map<String, Object> variables) {
    try {
      return Boolean.TRUE.equals(program(rule.expression()).eval(variables));
    } catch (CelEvaluationException | RuntimeException e) {
      log.warn("Policy rule {} failed to evaluate and denies: {}", rule.id(), e.getMessage());
      return false;
    }
  }

  private CelRuntime.Program program(String expression) {
    CelRuntime.Program cached = programs.get(expression);
    if (cached != null) {
      return cached;
    }
    CelRuntime.Program program = compile(expression);
    if (programs.size() >= MAX_CACHED) {
      programs.clear();
    }
    programs.put(expression, program);
    return program;
  }

  private static CelRuntime.Program compile(String expression) {
    if (expression == null || expression.isBlank() || expression.length() > MAX_EXPRESSION_LENGTH) {
      throw new InvalidPolicyException("The expression must be 1 to " + MAX_EXPRESSION_LENGTH + " characters.");
    }
    CelValidationResult result = COMPILER.compile(expression);
    if (result.hasError()) {
      throw new InvalidPolicyException("The expression does not compile: " + result.getErrorString());
    }
    try {
      CelAbstractSyntaxTree ast = result.getAst();
      CelType type = ast.getResultType();
      if (!type.equals(SimpleType.BOOL) && !type.equals(SimpleType.DYN)) {
        throw new InvalidPolicyException("The expression must be boolean, not " + type.name() + ".");
      }
      checkCidrLiterals(ast);
      return RUNTIME.createProgram(ast);
    } catch (CelValidationException | CelEvaluationException e) {
      throw new InvalidPolicyException("The expression does not compile: " + e.getMessage());
    }
  }

  /** A literal block that can never parse is a mistake to report now, not a denial to find later. */
  private static void checkCidrLiterals(CelAbstractSyntaxTree ast) {
    CelNavigableAst.fromAst(ast).getRoot().allNodes()
        .map(node -> node.expr())
        .filter(expr -> expr.getKind() == CelExpr.ExprKind.Kind.CALL && expr.call().function().equals(IN_CIDR))
        .forEach(expr -> {
          List<CelExpr> args = expr.call().args();
          for (CelExpr arg : args) {
            if (arg.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && arg.constant().getKind() == CelConstant.Kind.STRING_VALUE) {
              checkLiteral(arg.constant().stringValue());
            }
          }
        });
  }

  private static void checkLiteral(String literal) {
    try {
      Cidr.check(literal);
    } catch (IllegalArgumentException e) {
      throw new InvalidPolicyException("inCidr: '" + literal + "' is not an IP address or CIDR block (" + e.getMessage()
          + ").");
    }
  }
}
