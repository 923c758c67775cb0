import Foundation
import PumpModels
import PumpRender

/// host-meta JRD: any bytes give endpoints or nil; endpoints found all have a scheme and host.
func fuzzHostMeta(_ data: Data) {
    guard let endpoints = Endpoints.fromJRD(data) else { return }
    for url in endpoints.all {
        require(url.scheme != nil && url.host != nil, "absolute endpoint", url.absoluteString)
    }
    _ = endpoints.origin
}
