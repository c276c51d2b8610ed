import PlanModel
import SiteRenderer
import Testing

@Suite struct RouteTests {
  @Test func pathsFollowTheDesign() {
    #expect(Route.home.path == "index.html")
    #expect(Route.task(TaskID("1.1")).path == "nhiem-vu/1-1/index.html")
    #expect(Route.group(GroupID("III.2")).path == "nhom/iii-2/index.html")
    #expect(Route.agency(AgencyID("so-tai-chinh")).path == "co-quan/so-tai-chinh/index.html")
    #expect(Route.commune(CommuneID("xa-a")).path == "xa-phuong/xa-a/index.html")
    #expect(Route.indicators.path == "chi-tieu/index.html")
  }

  @Test func linksAreRelative() {
    let fromTask = Linker(from: Route.task(TaskID("1.1")).path)
    #expect(fromTask.href(.home) == "../../index.html")
    #expect(fromTask.href(.agency(AgencyID("so-a"))) == "../../co-quan/so-a/index.html")
    let fromHome = Linker(from: Route.home.path)
    #expect(fromHome.href(.indicators) == "chi-tieu/index.html")
    #expect(Linker(from: Route.agencies.path).href(.communes) == "../xa-phuong/index.html")
  }
}
