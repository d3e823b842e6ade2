/**
 * Just enough SVG geometry for bpmn-js to import, select and edit a diagram in happy-dom, which
 * lays out nothing: every box is empty and transforms are plain matrices. Only for specs that
 * exercise the modeler's model (properties, commands), never its rendering.
 */
class Matrix {
  constructor(
    public a = 1,
    public b = 0,
    public c = 0,
    public d = 1,
    public e = 0,
    public f = 0,
  ) {}

  multiply(m: Matrix): Matrix {
    return new Matrix(
      this.a * m.a + this.c * m.b,
      this.b * m.a + this.d * m.b,
      this.a * m.c + this.c * m.d,
      this.b * m.c + this.d * m.d,
      this.a * m.e + this.c * m.f + this.e,
      this.b * m.e + this.d * m.f + this.f,
    )
  }

  inverse(): Matrix {
    const det = this.a * this.d - this.b * this.c || 1
    return new Matrix(
      this.d / det,
      -this.b / det,
      -this.c / det,
      this.a / det,
      (this.c * this.f - this.d * this.e) / det,
      (this.b * this.e - this.a * this.f) / det,
    )
  }

  translate(x: number, y: number): Matrix {
    return this.multiply(new Matrix(1, 0, 0, 1, x, y))
  }

  scale(s: number): Matrix {
    return this.multiply(new Matrix(s, 0, 0, s, 0, 0))
  }
}

class Transform {
  type = 1
  matrix = new Matrix()
  setMatrix(m: Matrix) {
    this.matrix = new Matrix(m.a, m.b, m.c, m.d, m.e, m.f)
  }
  setTranslate(x: number, y: number) {
    this.matrix = new Matrix(1, 0, 0, 1, x, y)
  }
  setScale(x: number, y: number) {
    this.matrix = new Matrix(x, 0, 0, y, 0, 0)
  }
  setRotate() {
    this.matrix = new Matrix()
  }
}

class TransformList {
  private items: Transform[] = []
  get numberOfItems() {
    return this.items.length
  }
  clear() {
    this.items = []
  }
  appendItem(t: Transform) {
    this.items.push(t)
    return t
  }
  initialize(t: Transform) {
    this.items = [t]
    return t
  }
  getItem(i: number) {
    return this.items[i]
  }
  createSVGTransformFromMatrix(m: Matrix) {
    const t = new Transform()
    t.setMatrix(m)
    return t
  }
  consolidate() {
    if (this.items.length === 0) return null
    const t = new Transform()
    t.setMatrix(this.items.reduce((m, item) => m.multiply(item.matrix), new Matrix()))
    this.items = [t]
    return t
  }
}

const lists = new WeakMap<Element, { baseVal: TransformList }>()
const box = () => ({ x: 0, y: 0, width: 0, height: 0 })

export function installSvgPolyfill() {
  const g = globalThis as Record<string, unknown>
  g.SVGMatrix ??= Matrix
  const transform = {
    configurable: true,
    get(this: Element) {
      let list = lists.get(this)
      if (!list) lists.set(this, (list = { baseVal: new TransformList() }))
      return list
    },
  }
  for (const type of [SVGElement, SVGGraphicsElement, SVGSVGElement]) {
    Object.defineProperty(type.prototype, 'transform', transform)
    Object.assign(type.prototype, { getBBox: box })
  }
  const element = SVGElement.prototype as unknown as Record<string, unknown>
  element.getBBox = box
  element.getScreenCTM = () => new Matrix()
  element.getCTM = () => new Matrix()
  element.getComputedTextLength = () => 0
  const svg = SVGSVGElement.prototype as unknown as Record<string, unknown>
  svg.createSVGMatrix = () => new Matrix()
  svg.createSVGTransform = () => new Transform()
  svg.createSVGTransformFromMatrix = (m: Matrix) => {
    const t = new Transform()
    t.setMatrix(m)
    return t
  }
  svg.createSVGPoint = () => ({ x: 0, y: 0, matrixTransform: () => ({ x: 0, y: 0 }) })
}
